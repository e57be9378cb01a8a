// Held-out wrong variant: normalizes with the mean and population std of the whole batch instead of each prompt's own group.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  const rows = rewards.arraySync();
  const all = rows.flat();
  if (all.every((r) => r === all[0])) return tf.zeros(rewards.shape); // σ = 0 → exactly 0
  let mean = 0;
  for (const r of all) mean += r;
  mean /= all.length;
  let sq = 0;
  for (const r of all) sq += (r - mean) * (r - mean);
  const std = Math.sqrt(sq / all.length); // population std
  const out = rows.map((group) => group.map((r) => (r - mean) / (std + eps)));
  return tf.tensor2d(out, rewards.shape);
}
