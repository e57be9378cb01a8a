// Held-out wrong variant: spreads ε over the K − 1 wrong classes (true class gets 1 − ε, others ε/(K − 1)) instead of ε/K over all K classes.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits);
    const onehot = tf.oneHot(targets, K).cast('float32');
    const q = onehot.mul(1 - epsilon).add(tf.onesLike(onehot).sub(onehot).mul(epsilon / (K - 1)));
    return tf.mean(tf.sum(tf.mul(q, logp).neg(), 1)) as tf.Scalar;
  });
}
