import * as tf from '@tensorflow/tfjs';

/**
 * Independent DAPO loss: explicit loops over host data (float64 arithmetic),
 * results returned as float32 tensors.
 */
export function dapoObjective(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  responseMask: tf.Tensor2D,
  rewards: tf.Tensor1D,
  groupSize: number,
  epsLow: number,
  epsHigh: number,
  maxLength: number,
  cacheLength: number,
  eps: number,
): { loss: tf.Scalar; advantages: tf.Tensor1D; shapedRewards: tf.Tensor1D } {
  const lp = logProbs.arraySync();
  const olp = oldLogProbs.arraySync();
  const mask = responseMask.arraySync();
  const r = rewards.arraySync();
  const n = r.length;
  const G = groupSize;
  const free = maxLength - cacheLength;

  // 1. soft overlong punishment
  const lengths: number[] = new Array(n).fill(0);
  const shaped: number[] = new Array(n).fill(0);
  for (let i = 0; i < n; i++) {
    let len = 0;
    for (const m of mask[i]) len += m;
    lengths[i] = len;
    let pen: number;
    if (len <= free) pen = 0;
    else if (len <= maxLength) pen = (free - len) / cacheLength;
    else pen = -1;
    shaped[i] = r[i] + pen;
  }

  // 2 + 3. dynamic sampling and group-normalised advantages
  const adv: number[] = new Array(n).fill(0);
  const kept: boolean[] = new Array(n).fill(false);
  for (let start = 0; start < n; start += G) {
    let allEqual = true;
    for (let j = start + 1; j < start + G; j++) {
      if (r[j] !== r[start]) { allEqual = false; break; }
    }
    if (allEqual) continue;
    let mean = 0;
    for (let j = start; j < start + G; j++) mean += shaped[j];
    mean /= G;
    let v = 0;
    for (let j = start; j < start + G; j++) v += (shaped[j] - mean) ** 2;
    const std = Math.sqrt(v / G);
    for (let j = start; j < start + G; j++) {
      kept[j] = true;
      adv[j] = (shaped[j] - mean) / (std + eps);
    }
  }

  // 4. clip-higher token-level loss
  const lo = 1 - epsLow;
  const hi = 1 + epsHigh;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    if (!kept[i]) continue;
    const A = adv[i];
    for (let t = 0; t < mask[i].length; t++) {
      const m = mask[i][t];
      if (m === 0) continue;
      const rho = Math.exp(lp[i][t] - olp[i][t]);
      const clipped = Math.min(Math.max(rho, lo), hi);
      const s = Math.min(rho * A, clipped * A);
      num += m * s;
      den += m;
    }
  }
  const loss = den > 0 ? -num / den : 0;

  return {
    loss: tf.scalar(loss, 'float32'),
    advantages: tf.tensor1d(adv, 'float32'),
    shapedRewards: tf.tensor1d(shaped, 'float32'),
  };
}
