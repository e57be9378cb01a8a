// Held-out wrong variant: log-softmax is normalised over the batch axis (logSumExp over axis 0) instead of over the class axis.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const [, K] = logits.shape;
    const logp = tf.sub(logits, tf.logSumExp(logits, 0, true));
    const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(targets, K), logp), 1));
    const smooth = tf.neg(tf.mean(logp, 1));
    return tf.mean(tf.add(tf.mul(1 - epsilon, nll), tf.mul(epsilon, smooth))) as tf.Scalar;
  });
}
