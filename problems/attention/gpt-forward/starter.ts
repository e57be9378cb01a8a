import * as tf from '@tensorflow/tfjs';

export interface BlockWeights {
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

export interface GPTWeights {
  wte: tf.Tensor2D; // [vocab, dModel] token embeddings, also the LM head (weight tying)
  wpe: tf.Tensor2D; // [maxT, dModel] learned position embeddings, maxT > t
  blocks: BlockWeights[]; // N pre-LN decoder blocks, applied in order blocks[0], blocks[1], …
  lnFGamma: tf.Tensor1D; // [dModel] final LayerNorm
  lnFBeta: tf.Tensor1D; // [dModel]
}

/**
 * Forward pass of a GPT-2 style decoder-only language model.
 * tokens: [b, t] int32 ids in [0, vocab); nHeads divides dModel.
 *   x = wte[tokens] + wpe[0 .. t−1]
 *   for each block: h = x + CausalMHA(LN1(x));  x = h + GELU(LN2(h)·W1 + b1)·W2 + b2
 *   logits = LN_f(x) · wteᵀ                    (weight-tied head, no bias)
 * LayerNorm over the last axis, biased variance, eps = 1e-5. GELU is the tanh approximation.
 * Returns: logits [b, t, vocab] (not probabilities).
 */
export function gptForward(tokens: tf.Tensor2D, weights: GPTWeights, nHeads: number): tf.Tensor3D {
  // TODO: embeddings, N pre-LN decoder blocks, final LayerNorm, tied LM head
  return tf.zeros([tokens.shape[0], tokens.shape[1], weights.wte.shape[0]]);
}
