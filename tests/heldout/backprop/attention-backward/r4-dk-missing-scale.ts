// Held-out wrong variant: dK is computed as dSᵀQ without the 1/√d factor (only dQ is rescaled).
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  const d = q.shape[q.shape.length - 1];
  const scale = 1 / Math.sqrt(d);
  return tf.tidy(() => {
    const s = tf.mul(tf.matMul(q, k, false, true), scale);
    const p = tf.softmax(s);
    const dv = tf.matMul(p, dOut, true, false);
    const dP = tf.matMul(dOut, v, false, true);
    const rowSum = tf.sum(tf.mul(dP, p), -1, true);
    const dS = tf.mul(p, tf.sub(dP, rowSum));
    const dq = tf.mul(tf.matMul(dS, k), scale);
    const dk = tf.matMul(dS, q, true, false);
    return { dq, dk, dv };
  });
}
