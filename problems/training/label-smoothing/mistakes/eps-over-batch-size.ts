import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const logp = tf.logSoftmax(logits, -1);
    // Bug: the uniform mass is ε/N (batch size, axis 0) instead of ε/K (number of classes).
    const q = tf.oneHot(targets, K).cast('float32').mul(1 - epsilon).add(epsilon / N);
    return q.mul(logp).sum(-1).neg().mean() as tf.Scalar;
  });
}
