// Held-out wrong variant: sums the per-row losses over the batch instead of taking their mean.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(targets, K).toFloat(), logp), -1));
    const uniform = tf.neg(tf.mean(logp, -1));
    const perRow = tf.add(tf.mul(1 - epsilon, nll), tf.mul(epsilon, uniform));
    return tf.sum(perRow) as tf.Scalar;
  });
}
