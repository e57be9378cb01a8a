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
    // scores: [..., tq, tk]
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (!mask) return tf.matMul(tf.softmax(scores, -1), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    // A large finite fill (not -Infinity) keeps softmax finite on rows where everything is masked.
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    // Rows with no allowed key attend to nothing: zero their weights so the output row is 0.
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = tf.softmax(masked, -1).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
