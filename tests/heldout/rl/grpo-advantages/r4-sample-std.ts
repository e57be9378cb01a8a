// Held-out wrong variant: σ_p is the sample standard deviation (divide by G − 1) instead of the population standard deviation (divide by G).
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  const rows = rewards.arraySync() as number[][];
  const out = rows.map((row) => {
    const G = row.length;
    const allEqual = row.every((x) => x === row[0]);
    if (G < 2 || allEqual) return row.map(() => 0);
    const mu = row.reduce((s, x) => s + x, 0) / G;
    const ss = row.reduce((s, x) => s + (x - mu) * (x - mu), 0);
    const sigma = Math.sqrt(ss / (G - 1));
    return row.map((x) => (x - mu) / (sigma + eps));
  });
  return tf.tensor2d(out, rewards.shape);
}
