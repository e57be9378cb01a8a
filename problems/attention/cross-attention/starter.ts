import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

/**
 * Multi-head cross-attention (encoder–decoder attention).
 * x: [b, tq, dModel] decoder states (queries come from here)
 * memory: [b, tk, dModel] encoder output (keys and values come from here)
 * params: projections, y = t·W + bias, every W [dModel, dModel], every bias [dModel]
 * numHeads: divides dModel; dHead = dModel / numHeads
 * memoryMask (optional): [b, tk], 1/true = real memory token, 0/false = padding
 * Returns: [b, tq, dModel]
 */
export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  // TODO: project, split heads, scaled dot-product attention over the memory, merge heads, output projection
  return tf.zerosLike(x);
}
