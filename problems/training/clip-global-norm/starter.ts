import * as tf from '@tensorflow/tfjs';

/**
 * Clip gradients by their global norm (PyTorch clip_grad_norm_).
 * grads: list of tensors of any shapes; maxNorm: positive number.
 * totalNorm = √(Σ over all tensors and elements of g²), computed before clipping.
 * coef = maxNorm / (totalNorm + 1e-6); if coef < 1 every tensor is multiplied by coef,
 * otherwise the gradients are returned unchanged.
 * Returns { grads: clipped list (same order and shapes), totalNorm: number }.
 */
export function clipByGlobalNorm(grads: tf.Tensor[], maxNorm: number) {
  // TODO
  return { grads: grads.map((g) => g.clone()), totalNorm: 0 };
}
