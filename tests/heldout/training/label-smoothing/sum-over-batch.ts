// Held-out wrong variant: sums the per-row losses over the batch instead of taking their mean.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // [N, K]
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat(); // [N, K]
    const nll = tf.neg(tf.sum(tf.mul(onehot, logp), -1)); // [N]
    const uniform = tf.neg(tf.mean(logp, -1)); // [N]
    const perRow = tf.add(tf.mul(1 - epsilon, nll), tf.mul(epsilon, uniform));
    return tf.sum(perRow) as tf.Scalar;
  });
}
