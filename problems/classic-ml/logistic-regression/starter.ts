import * as tf from '@tensorflow/tfjs';

/**
 * Logistic regression by full-batch gradient descent, starting from w = 0, b = 0.
 * x: [n, d] float32 features; y: [n] float32 labels in {0, 1}; steps ≥ 1; lr > 0.
 * Each step: p = σ(xw + b); w -= lr · xᵀ(p − y) / n; b -= lr · mean(p − y).
 * Returns { weights: [d] tensor, bias: number, loss: number } where loss is the mean binary
 * cross-entropy at the final parameters. Gradients by hand: tf.grad and friends are not allowed.
 */
export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  // TODO
  return { weights: tf.zeros([x.shape[1]]), bias: 0, loss: 0 };
}
