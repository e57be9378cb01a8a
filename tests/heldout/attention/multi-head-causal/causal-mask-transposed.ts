// Held-out wrong variant: builds the causal mask as the upper triangle (bandPart(ones, 0, -1)), so each query sees itself and the future instead of the past.
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
      ? tf.cast(tf.linalg.bandPart(tf.ones([t, t]), 0, -1), 'bool')
      : null;
    const blocked = tf.fill([b, t, t], -1e30);

    const heads: tf.Tensor[] = [];
    for (let h = 0; h < nHeads; h++) {
      const qh = tf.slice(Q, [0, 0, h * dHead], [b, t, dHead]) as tf.Tensor3D;
      const kh = tf.slice(K, [0, 0, h * dHead], [b, t, dHead]) as tf.Tensor3D;
      const vh = tf.slice(V, [0, 0, h * dHead], [b, t, dHead]) as tf.Tensor3D;
      let scores: tf.Tensor = tf.div(tf.matMul(qh, kh, false, true), Math.sqrt(dHead));
      if (allowed) scores = tf.where(tf.broadcastTo(allowed, [b, t, t]), scores, blocked);
      const w = tf.softmax(scores, -1);
      heads.push(tf.matMul(w as tf.Tensor3D, vh));
    }
    const concat = tf.reshape(tf.concat(heads, 2), [b * t, dModel]);
    return tf.reshape(tf.matMul(concat as tf.Tensor2D, weights.wo as tf.Tensor2D), [b, t, dModel]);
  });
}
