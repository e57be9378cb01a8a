// Held-out wrong variant: scales the scores (and the dQ/dK chain factor) by 1/d instead of 1/sqrt(d).
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scale = 1 / d;
    const s = tf.mul(tf.matMul(q, k, false, true), scale);
    const p = tf.softmax(s, -1);
    const dv = tf.matMul(p, dOut, true, false);
    const dp = tf.matMul(dOut, v, false, true);
    const rowDot = tf.sum(tf.mul(dp, p), -1, true);
    const ds = tf.mul(p, tf.sub(dp, rowDot));
    const dq = tf.mul(tf.matMul(ds, k), scale);
    const dk = tf.mul(tf.matMul(ds, q, true, false), scale);
    return { dq, dk, dv };
  });
}
