import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: the rank is chosen on the host in float64 (cumulative energy of the
 * squared singular values, first r with energy(r) >= threshold); the factors are built with
 * vectorised ops: slice the first r columns, scale them by sqrt(s), transpose V's slice for A.
 */
export function loraRankFromSvd(
  u: tf.Tensor2D,
  s: tf.Tensor1D,
  v: tf.Tensor2D,
  threshold: number,
): { rank: number; energy: number; b: tf.Tensor2D; a: tf.Tensor2D } {
  const sv = Array.from(s.dataSync());
  const k = sv.length;
  const cum: number[] = [];
  let acc = 0;
  for (const x of sv) {
    acc += x * x;
    cum.push(acc);
  }
  const total = acc;

  let rank = k;
  for (let r = 1; r <= k; r++) {
    if (cum[r - 1] / total >= threshold) {
      rank = r;
      break;
    }
  }
  const energy = cum[rank - 1] / total;

  const [m] = u.shape;
  const [n] = v.shape;
  const { b, a } = tf.tidy(() => {
    const root = tf.sqrt(tf.slice(s, [0], [rank])); // [r]
    const bT = tf.mul(tf.slice(u, [0, 0], [m, rank]), root) as tf.Tensor2D; // [m, r]
    const vr = tf.mul(tf.slice(v, [0, 0], [n, rank]), root) as tf.Tensor2D; // [n, r]
    return { b: bT, a: tf.transpose(vr) as tf.Tensor2D }; // a: [r, n]
  });
  return { rank, energy, b, a };
}
