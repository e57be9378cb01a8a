import * as tf from '@tensorflow/tfjs';

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv], mask: broadcastable to [..., tq, tk]
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  // Bug: softmax written by hand as exp(x) / Σ exp(x), without subtracting the row maximum. Scores
  // above ≈ 88 overflow float32 to Infinity (Infinity / Infinity = NaN), and a row whose scores are
  // all far below zero underflows to 0 / 0 = NaN. (Fully masked rows are still replaced by zeros.)
  const softmax = (x: tf.Tensor) => {
    const e = tf.exp(x);
    return e.div(e.sum(-1, true));
  };
  return tf.tidy(() => {
    const d = q.shape[q.shape.length - 1];
    // scores: [..., tq, tk]
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    if (!mask) return tf.matMul(softmax(scores), v);
    const allowed = tf.broadcastTo(tf.cast(mask, 'bool'), scores.shape);
    const masked = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    // Rows with no allowed key attend to nothing: their weights are replaced by zeros.
    const rowHasKey = tf.broadcastTo(tf.any(allowed, -1, true), masked.shape);
    const weights = tf.where(rowHasKey, softmax(masked), tf.zerosLike(masked));
    return tf.matMul(weights, v);
  });
}
