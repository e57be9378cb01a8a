// Style: plain-JS two-pass loop per group (mean, then population variance) over arraySync() rows;
// a group whose rewards are all equal (or of size 1) is short-circuited to exact zeros.
import * as tf from '@tensorflow/tfjs';

export function grpoAdvantages(rewards: tf.Tensor2D, eps: number): tf.Tensor2D {
  const rows = rewards.arraySync();
  const out = rows.map((group) => {
    const G = group.length;
    if (group.every((r) => r === group[0])) return group.map(() => 0); // σ = 0 → exactly 0
    let mean = 0;
    for (const r of group) mean += r;
    mean /= G;
    let sq = 0;
    for (const r of group) sq += (r - mean) * (r - mean);
    const std = Math.sqrt(sq / G); // population std
    return group.map((r) => (r - mean) / (std + eps));
  });
  return tf.tensor2d(out, rewards.shape);
}
