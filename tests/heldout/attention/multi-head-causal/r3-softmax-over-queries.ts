// Held-out wrong variant: the softmax normalises each key's column over the query axis instead of each query's row over the key axis.
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
    const flat = x.reshape([b * t, dModel]);
    const Q = tf.matMul(flat, weights.wq).reshape([b, t, dModel]);
    const K = tf.matMul(flat, weights.wk).reshape([b, t, dModel]);
    const V = tf.matMul(flat, weights.wv).reshape([b, t, dModel]);
    const outs: tf.Tensor[] = [];
    const mask = causal ? tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)).mul(-1e9) : null;
    for (let h = 0; h < nHeads; h++) {
      const qh = Q.slice([0, 0, h * dHead], [-1, -1, dHead]);
      const kh = K.slice([0, 0, h * dHead], [-1, -1, dHead]);
      const vh = V.slice([0, 0, h * dHead], [-1, -1, dHead]);
      let s = tf.matMul(qh, kh, false, true).div(Math.sqrt(dHead)); // [b, tq, tk]
      if (mask) s = s.add(mask);
      // stable softmax, normalised over axis 1
      const e = tf.exp(s.sub(s.max(1, true)));
      const w = e.div(e.sum(1, true));
      outs.push(tf.matMul(w, vh));
    }
    const concat = tf.concat(outs, -1).reshape([b * t, dModel]);
    return tf.matMul(concat, weights.wo).reshape([b, t, dModel]);
  });
}
