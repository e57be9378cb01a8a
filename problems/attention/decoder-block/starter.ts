import * as tf from '@tensorflow/tfjs';

export interface DecoderWeights {
  ln1Gamma: tf.Tensor1D; // [dModel]
  ln1Beta: tf.Tensor1D; // [dModel]
  wq: tf.Tensor2D; // [dModel, dModel]
  wk: tf.Tensor2D; // [dModel, dModel]
  wv: tf.Tensor2D; // [dModel, dModel]
  wo: tf.Tensor2D; // [dModel, dModel]
  ln2Gamma: tf.Tensor1D; // [dModel]
  ln2Beta: tf.Tensor1D; // [dModel]
  w1: tf.Tensor2D; // [dModel, dFF]
  b1: tf.Tensor1D; // [dFF]
  w2: tf.Tensor2D; // [dFF, dModel]
  b2: tf.Tensor1D; // [dModel]
}

/**
 * One pre-LN transformer decoder block.
 * x: [b, t, dModel]; nHeads divides dModel.
 *   h   = x + CausalMHA(LN1(x))            (y = x·W, no biases in the attention projections)
 *   out = h + GELU(LN2(h)·W1 + b1)·W2 + b2  (w1: [dModel, dFF], w2: [dFF, dModel])
 * LayerNorm over the last axis, biased variance, eps = 1e-5.
 * GELU is the tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 * Returns: [b, t, dModel].
 */
export function decoderBlock(x: tf.Tensor3D, weights: DecoderWeights, nHeads: number): tf.Tensor3D {
  // TODO: layer norm, causal multi-head self-attention, residual, layer norm, GELU MLP, residual
  return tf.zerosLike(x);
}
