import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    // Bug: the smoothing is applied to the logits, then a plain (hard-label) cross-entropy.
    const smoothed = logits.mul(1 - epsilon).add(epsilon / K);
    const logp = tf.logSoftmax(smoothed, -1);
    return tf.oneHot(targets, K).cast('float32').mul(logp).sum(-1).neg().mean();
  });
}
