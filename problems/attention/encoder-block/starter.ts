import * as tf from '@tensorflow/tfjs';

export interface EncoderWeights {
  wq: tf.Tensor2D; // [dModel, dModel]
  wk: tf.Tensor2D; // [dModel, dModel]
  wv: tf.Tensor2D; // [dModel, dModel]
  wo: tf.Tensor2D; // [dModel, dModel]
  ln1Gamma: tf.Tensor1D; // [dModel]
  ln1Beta: tf.Tensor1D; // [dModel]
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
  ln2Gamma: tf.Tensor1D; // [dModel]
  ln2Beta: tf.Tensor1D; // [dModel]
}

/**
 * One post-LN transformer encoder block with a key-padding mask.
 * x: [b, t, dModel]; padMask: [b, t] bool, true = padding; nHeads divides dModel.
 *   h   = LN1(x + MHA(x))                    (bidirectional, y = x·W, no attention biases)
 *   out = LN2(h + ReLU(h·W1 + b1)·W2 + b2)
 * Attention: scores q·kᵀ/√dHead per head; padded keys get −∞ (e.g. −1e9) before the softmax.
 * LayerNorm over the last axis, biased variance, eps = 1e-5.
 * Rows of padded tokens are all zeros in the output (a fully padded sequence: all zeros, no NaN).
 * Returns: [b, t, dModel].
 */
export function encoderBlock(x: tf.Tensor3D, padMask: tf.Tensor2D, weights: EncoderWeights, nHeads: number): tf.Tensor3D {
  // TODO: masked multi-head self-attention, residual + LN, ReLU FFN, residual + LN, zero padded rows
  return tf.zerosLike(x);
}
