import * as tf from '@tensorflow/tfjs';

/**
 * Run AdamW over a sequence of gradients (PyTorch's torch.optim.AdamW), m = v = 0, t = 1, 2, ….
 * Each step: decoupled weight decay p ← p − lr·weightDecay·p, then the Adam update
 *   m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,  p ← p − lr · m̂ / (√v̂ + eps)
 * with m̂ = m / (1−β1ᵗ), v̂ = v / (1−β2ᵗ).
 * Returns { param, m, v } after the last step (m, v uncorrected). tf.train is not allowed.
 */
export function adamw(
  param: tf.Tensor,
  grads: tf.Tensor[],
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
) {
  // TODO
  return { param: param.clone(), m: tf.zerosLike(param), v: tf.zerosLike(param) };
}
