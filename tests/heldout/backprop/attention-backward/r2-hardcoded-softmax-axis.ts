// Held-out wrong variant: the hand-written stable softmax and the dS row-sum use a hard-coded axis 1 (the key axis only when there are no batch axes), so batched inputs normalize over queries.
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scale = 1 / Math.sqrt(d);
    const s = tf.mul(tf.matMul(q, k, false, true), scale);
    const e = tf.exp(tf.sub(s, tf.max(s, 1, true)));
    const p = tf.div(e, tf.sum(e, 1, true));
    const dv = tf.matMul(p, dOut, true, false);
    const dp = tf.matMul(dOut, v, false, true);
    const rowDot = tf.sum(tf.mul(dp, p), 1, true);
    const ds = tf.mul(p, tf.sub(dp, rowDot));
    const dq = tf.mul(tf.matMul(ds, k), scale);
    const dk = tf.mul(tf.matMul(ds, q, true, false), scale);
    return { dq, dk, dv };
  });
}
