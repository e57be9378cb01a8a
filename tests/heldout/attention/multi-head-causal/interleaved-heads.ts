// Held-out wrong variant: splits the heads by reshaping to [b, t, dHead, nHeads], so head h takes the strided columns h, h+H, h+2H, ... instead of a contiguous block (and merges them back the same way).
import * as tf from '@tensorflow/tfjs';

export function multiHeadAttention(
  x: tf.Tensor,
  weights: { wq: tf.Tensor; wk: tf.Tensor; wv: tf.Tensor; wo: tf.Tensor },
  nHeads: number,
  causal: boolean,
): tf.Tensor {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dHead = dModel / nHeads;
    const x2 = tf.reshape(x, [b * t, dModel]);
    const project = (w: tf.Tensor) => tf.reshape(tf.matMul(x2 as tf.Tensor2D, w as tf.Tensor2D), [b, t, dModel]);
    const Q = project(weights.wq);
    const K = project(weights.wk);
    const V = project(weights.wv);

    // allowed[i][j] = j <= i
    const allowed = causal
      ? tf.cast(tf.linalg.bandPart(tf.ones([t, t]), -1, 0), 'bool')
      : null;
    const blocked = tf.fill([b, t, t], -1e30);

    const Q4 = tf.reshape(Q, [b, t, dHead, nHeads]);
    const K4 = tf.reshape(K, [b, t, dHead, nHeads]);
    const V4 = tf.reshape(V, [b, t, dHead, nHeads]);
    const heads: tf.Tensor[] = [];
    for (let h = 0; h < nHeads; h++) {
      const qh = tf.reshape(tf.slice(Q4, [0, 0, 0, h], [b, t, dHead, 1]), [b, t, dHead]) as tf.Tensor3D;
      const kh = tf.reshape(tf.slice(K4, [0, 0, 0, h], [b, t, dHead, 1]), [b, t, dHead]) as tf.Tensor3D;
      const vh = tf.reshape(tf.slice(V4, [0, 0, 0, h], [b, t, dHead, 1]), [b, t, dHead]) as tf.Tensor3D;
      let scores: tf.Tensor = tf.div(tf.matMul(qh, kh, false, true), Math.sqrt(dHead));
      if (allowed) scores = tf.where(tf.broadcastTo(allowed, [b, t, t]), scores, blocked);
      const w = tf.softmax(scores, -1);
      heads.push(tf.expandDims(tf.matMul(w as tf.Tensor3D, vh), 3));
    }
    const concat = tf.reshape(tf.concat(heads, 3), [b * t, dModel]);
    return tf.reshape(tf.matMul(concat as tf.Tensor2D, weights.wo as tf.Tensor2D), [b, t, dModel]);
  });
}
