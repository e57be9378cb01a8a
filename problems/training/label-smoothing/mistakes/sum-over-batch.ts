import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const q = tf.oneHot(targets, K).cast('float32').mul(1 - epsilon).add(epsilon / K);
    // Bug: sums over the batch instead of averaging.
    return q.mul(logp).sum().neg();
  });
}
