import * as tf from '@tensorflow/tfjs';

/**
 * Rectified flow (t = 0 is noise, t = 1 is data).
 *
 * Loss:  x_t = (1 − t)·x0 + t·x1 (per row, its own t);  target v = x1 − x0;
 *        v̂ = [x_t, t] · w + b  (input = the D coordinates first, then t as the LAST entry);
 *        loss = mean over all B·D entries of (v̂ − v)².
 * Sampler: x = z; for k = 0 .. K−1:  x ← x + (1/K) · v̂(x, k/K);  samples = x.
 *
 * x0, x1: [B, D]; t: [B]; w: [D + 1, D]; b: [D]; z: [N, D]; numSteps = K ≥ 1.
 * Returns loss [] and samples [N, D], both float32.
 */
export function flowMatching(
  x0: tf.Tensor2D,
  x1: tf.Tensor2D,
  t: tf.Tensor1D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  z: tf.Tensor2D,
  numSteps: number,
): { loss: tf.Scalar; samples: tf.Tensor2D } {
  // TODO: interpolate, regress the velocity model onto x1 − x0, then integrate from z with Euler
  throw new Error('TODO');
}
