// Held-out wrong variant: The group std uses the sample (Bessel-corrected) variance, dividing by G - 1 instead of G.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  const rows = rewards.arraySync() as number[][];
  const out = rows.map((row) => {
    const G = row.length;
    if (G < 2 || row.every((x) => x === row[0])) return row.map(() => 0);
    const mu = row.reduce((a, b) => a + b, 0) / G;
    const ss = row.reduce((a, b) => a + (b - mu) * (b - mu), 0);
    const sigma = Math.sqrt(ss / (G - 1));
    return row.map((x) => (x - mu) / (sigma + eps));
  });
  return tf.tensor2d(out, rewards.shape);
}
