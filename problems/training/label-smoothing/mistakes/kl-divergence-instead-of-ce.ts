import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, targets: [N] int32, epsilon in [0, 1). Returns the mean loss, shape [].
export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // stable log-probabilities
    // Smoothed target: (1 − ε) on the true class plus ε/K spread over all K classes.
    const q = tf.oneHot(targets, K).cast('float32').mul(1 - epsilon).add(epsilon / K);
    // Bug: KL(q ‖ p) = Σ q (log q − log p), which subtracts the entropy of q from the cross-entropy.
    return q.mul(q.log().sub(logp)).sum(-1).mean() as tf.Scalar;
  });
}
