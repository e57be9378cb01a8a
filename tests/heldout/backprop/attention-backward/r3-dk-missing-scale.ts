// Held-out wrong variant: dK is computed as dSᵀ·Q without dividing by √d (only dQ gets the 1/√d factor).
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const sqrtD = Math.sqrt(d);
    const scores = tf.matMul(q, k, false, true).div(sqrtD);
    const p = tf.softmax(scores, -1);
    const dv = tf.matMul(p, dOut, true, false);
    const dp = tf.matMul(dOut, v, false, true);
    const ds = p.mul(dp.sub(dp.mul(p).sum(-1, true)));
    const dq = tf.matMul(ds, k).div(sqrtD);
    const dk = tf.matMul(ds, q, true, false);
    return { dq, dk, dv };
  });
}
