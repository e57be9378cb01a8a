import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, _blockSize: number): tf.Tensor {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    // Bug: standard attention — the whole [tq, tk] score matrix is built at once.
    const scores = tf.matMul(q, k, false, true).div(Math.sqrt(d));
    return tf.matMul(tf.softmax(scores, -1), v);
  });
}
