import * as tf from '@tensorflow/tfjs';

export function loraRankFromSvd(u: tf.Tensor2D, s: tf.Tensor1D, v: tf.Tensor2D, threshold: number) {
  const sv = Array.from(s.dataSync());
  const total = sv.reduce((acc, x) => acc + x * x, 0);
  let cumulative = 0;
  let index = sv.length - 1;
  for (let i = 0; i < sv.length; i++) {
    cumulative += sv[i] * sv[i];
    if (cumulative / total >= threshold) {
      index = i;
      break;
    }
  }
  // Bug: the 0-based index of the first direction that reaches the threshold is used as the rank,
  // one too few (and 0 when the top direction alone is enough).
  const rank = Math.max(index, 0);
  const energy = sv.slice(0, rank).reduce((acc, x) => acc + x * x, 0) / total;
  return tf.tidy(() => {
    const root = s.slice(0, rank).sqrt();
    return { rank, energy, b: u.slice([0, 0], [-1, rank]).mul(root), a: v.slice([0, 0], [-1, rank]).mul(root).transpose() };
  });
}
