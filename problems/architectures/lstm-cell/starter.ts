import * as tf from '@tensorflow/tfjs';

/**
 * A single-layer LSTM run over a batch of sequences.
 * x: [B, T, D] inputs (batch-first); h0, c0: [B, H] initial hidden and cell state.
 * wx: [D, 4H], wh: [H, 4H], b: [4H]: fused weights, gate blocks in the order i, f, g, o
 * (columns [0,H) = input gate, [H,2H) = forget gate, [2H,3H) = candidate, [3H,4H) = output gate).
 * One step: z = x_t·wx + h·wh + b; i, f, o = sigmoid, g = tanh; c = f⊙c + i⊙g; h = o⊙tanh(c).
 * b is used as given (no extra forget bias).
 * Returns { outputs: [B, T, H] (h after every step), h: [B, H] final, c: [B, H] final }.
 */
export function lstm(
  x: tf.Tensor3D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  b: tf.Tensor1D,
): { outputs: tf.Tensor3D; h: tf.Tensor2D; c: tf.Tensor2D } {
  // TODO: loop over the T steps, carrying h and c
  throw new Error('TODO');
}
