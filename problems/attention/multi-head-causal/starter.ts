import * as tf from '@tensorflow/tfjs';

/**
 * x: [b, t, dModel]; weights.wq, wk, wv, wo: [dModel, dModel] (no biases).
 * nHeads divides dModel; head h uses columns h·dHead..(h+1)·dHead-1 of x·wq, x·wk, x·wv.
 * causal = true: query i attends to keys 0..i only.
 * Returns: [b, t, dModel] = concat(head_0, …, head_{nHeads-1}) · wo.
 */
export function multiHeadAttention(
  x: tf.Tensor,
  weights: { wq: tf.Tensor; wk: tf.Tensor; wv: tf.Tensor; wo: tf.Tensor },
  nHeads: number,
  causal: boolean,
): tf.Tensor {
  // TODO: project, split into heads, scaled dot-product attention per head, concatenate, · wo
  return tf.zerosLike(x);
}
