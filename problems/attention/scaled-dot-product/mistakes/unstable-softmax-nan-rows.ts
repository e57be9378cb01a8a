import * as tf from '@tensorflow/tfjs';

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv], mask: broadcastable to [..., tq, tk]
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  // Bug: softmax written by hand as exp(x) / Σ exp(x), without subtracting the row maximum. Scores
  // above ≈ 88 overflow float32 to Infinity (Infinity / Infinity = NaN), and a row whose exps all
  // underflow — every key masked with −1e9, or every score below ≈ −104 — is 0 / 0 = NaN, which
  // multiplying by 0 does not clear.
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
    // Rows with no allowed key attend to nothing: zero their weights so the output row is 0.
    const rowHasKey = tf.any(allowed, -1, true).cast('float32');
    const weights = softmax(masked).mul(rowHasKey);
    return tf.matMul(weights, v);
  });
}
