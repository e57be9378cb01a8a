import * as tf from '@tensorflow/tfjs';

/**
 * Fold a LoRA adapter into its base weight (row-vector convention, y = x · W).
 * w: [dIn, dOut] frozen base weight, a: [dIn, r] down-projection, b: [r, dOut] up-projection,
 * alpha: the LoRA scaling numerator (the adapter is scaled by alpha / r).
 * Returns the merged weight [dIn, dOut] such that x · merged = x · w + (alpha / r) · (x · a) · b.
 */
export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  // TODO: w + (alpha / r) · a · b
  return tf.zerosLike(w);
}
