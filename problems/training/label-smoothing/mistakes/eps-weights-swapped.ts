import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, targets: [N] int32, epsilon in [0, 1). Returns the mean loss, shape [].
export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // stable log-probabilities
    const q = tf.oneHot(targets, K).cast('float32').mul(epsilon).add((1 - epsilon) / K); // Bug: ε and 1 − ε swapped
    return q.mul(logp).sum(-1).neg().mean() as tf.Scalar;
  });
}
