import * as tf from '@tensorflow/tfjs';

/**
 * logits: [N, K] float32 raw scores, targets: [N] int32 class ids, epsilon in [0, 1).
 * Smoothed targets q = (1 − ε)·onehot(y) + ε/K (uniform over all K classes).
 * Returns the mean over the batch of −Σₖ qₖ log softmax(logits)ₖ, as a scalar tensor.
 */
export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  // TODO
  return tf.scalar(0);
}
