// Held-out wrong variant: the smoothed target gives 1 − ε to the true class and ε/(K − 1) to each other class instead of ε/K to every class on top of (1 − ε) one-hot.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(targets, K).cast('float32');
    const off = epsilon / (K - 1);
    const q = onehot.mul(1 - epsilon).add(tf.onesLike(onehot).sub(onehot).mul(off));
    return q.mul(logp).sum(1).neg().mean() as tf.Scalar;
  });
}
