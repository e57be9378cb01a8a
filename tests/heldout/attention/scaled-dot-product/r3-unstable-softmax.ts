// Held-out wrong variant: the softmax is computed as exp(s) / sum(exp(s)) without subtracting the row maximum, so large scores overflow to Infinity/NaN.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    let e = tf.exp(scores);
    if (mask) e = e.mul(mask.cast('float32')); // masked keys contribute nothing
    const denom = e.sum(-1, true);
    // fully masked rows have denom 0: return zeros there
    const safe = tf.where(denom.greater(0), denom, tf.onesLike(denom));
    return tf.matMul(e.div(safe), v);
  });
}
