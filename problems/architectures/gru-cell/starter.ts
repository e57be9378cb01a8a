import * as tf from '@tensorflow/tfjs';

/**
 * A single-layer GRU run over a batch of sequences (PyTorch convention).
 * x: [B, T, D] inputs (batch-first); h0: [B, H] initial hidden state.
 * wx: [D, 3H], wh: [H, 3H], bx: [3H], bh: [3H]; gate blocks in the order r, z, n
 * (columns [0,H) = reset gate, [H,2H) = update gate, [2H,3H) = candidate).
 * One step: r = σ(x·wx_r + bx_r + h·wh_r + bh_r), z = σ(x·wx_z + bx_z + h·wh_z + bh_z),
 * n = tanh(x·wx_n + bx_n + r ⊙ (h·wh_n + bh_n)), h' = (1 − z) ⊙ n + z ⊙ h.
 * Returns { outputs: [B, T, H] (h after every step), h: [B, H] final }.
 */
export function gru(
  x: tf.Tensor3D,
  h0: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  bx: tf.Tensor1D,
  bh: tf.Tensor1D,
): { outputs: tf.Tensor3D; h: tf.Tensor2D } {
  // TODO: loop over the T steps, carrying h
  throw new Error('TODO');
}
