import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

/**
 * x: [N, 2] float32 inputs, y: [N] int32 class labels in [0, C).
 * params: initial weights W1 [2, H], b1 [H], W2 [H, C], b2 [C] of logits = relu(x·W1 + b1)·W2 + b2.
 * Train with exactly `steps` full-batch gradient-descent updates, learning rate 0.5, on the mean
 * softmax cross-entropy over (x, y) (a correct loop ends below targetLoss), and return the trained
 * { W1, b1, W2, b2 } (same shapes). Do not modify params.
 */
export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  // TODO: loop `steps` times: forward, loss, gradients, update.
  return { W1: params.W1.clone(), b1: params.b1.clone(), W2: params.W2.clone(), b2: params.b2.clone() };
}
