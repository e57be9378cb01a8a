// Held-out wrong variant: the softmax is recomputed as exp(S) / sum(exp(S)) without subtracting the row max, so it overflows to NaN/Infinity for scores of magnitude around 1000.
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scale = 1 / Math.sqrt(d);
    const s = tf.matMul(q, k, false, true).mul(scale);
    const e = tf.exp(s);
    const p = e.div(e.sum(-1, true));
    const dv = tf.matMul(p, dOut, true, false);
    const dp = tf.matMul(dOut, v, false, true);
    const rowDot = dp.mul(p).sum(-1, true);
    const ds = p.mul(dp.sub(rowDot));
    const dq = tf.matMul(ds, k).mul(scale);
    const dk = tf.matMul(ds, q, true, false).mul(scale);
    return { dq, dk, dv };
  });
}
