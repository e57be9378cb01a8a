import * as tf from '@tensorflow/tfjs';

// Bug: plain masked attention; the [t, t] score matrix is built in full.
export function flashAttentionCausal(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): { out: tf.Tensor; lse: tf.Tensor } {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const t = q.shape[q.rank - 2];
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    const visible = tf.broadcastTo(tf.linalg.bandPart(tf.ones([t, t]), -1, 0).cast('bool'), scores.shape);
    const masked = tf.where(visible, scores, tf.fill(scores.shape, -1e9));
    const lse = tf.logSumExp(masked, -1);
    return { out: tf.matMul(tf.softmax(masked, -1), v), lse };
  });
}
