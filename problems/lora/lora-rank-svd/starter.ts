import * as tf from '@tensorflow/tfjs';

/**
 * Choose the LoRA rank for a weight update from its singular values, and factor it as b · a.
 * u: [m, k], s: [k] descending, v: [n, k]: the thin SVD, delta = u · diag(s) · vᵀ, k = min(m, n).
 * energy(r) = (s_1² + … + s_r²) / (s_1² + … + s_k²).
 * rank = the smallest r ≥ 1 with energy(r) ≥ threshold.
 * Returns { rank (number), energy (number, energy(rank)),
 *           b: [m, rank] = u[:, :rank] · diag(√s[:rank]),  a: [rank, n] = diag(√s[:rank]) · v[:, :rank]ᵀ }.
 */
export function loraRankFromSvd(
  u: tf.Tensor2D,
  s: tf.Tensor1D,
  v: tf.Tensor2D,
  threshold: number,
): { rank: number; energy: number; b: tf.Tensor2D; a: tf.Tensor2D } {
  // TODO
  throw new Error('TODO');
}
