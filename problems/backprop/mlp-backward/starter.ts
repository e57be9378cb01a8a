import * as tf from '@tensorflow/tfjs';

/**
 * x: [N, D], y: [N, C], W1: [D, H], b1: [H], W2: [H, C], b2: [C] (all float32).
 * Forward: z1 = x·W1 + b1, h = relu(z1), out = h·W2 + b2, loss = Σ (out − y)² / (2N).
 * Returns { loss (scalar), dW1 [D, H], db1 [H], dW2 [H, C], db2 [C] }: the gradients of loss.
 * Autodiff (tf.grad, tf.grads, tf.variableGrads, …) is not allowed.
 */
export function mlpForwardBackward(
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  W1: tf.Tensor2D,
  b1: tf.Tensor1D,
  W2: tf.Tensor2D,
  b2: tf.Tensor1D,
) {
  // TODO: forward pass, then backward pass by the chain rule.
  return { loss: tf.scalar(0), dW1: tf.zerosLike(W1), db1: tf.zerosLike(b1), dW2: tf.zerosLike(W2), db2: tf.zerosLike(b2) };
}
