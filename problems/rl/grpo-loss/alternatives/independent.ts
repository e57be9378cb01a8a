import * as tf from '@tensorflow/tfjs';

// Explicit loops over the host data (float64 arithmetic), one pass per row.
export function grpoLoss(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D,
  rewards: tf.Tensor1D,
  responseMask: tf.Tensor2D,
  groupSize: number,
  clipEps: number,
  beta: number,
  eps: number,
  normalization: 'sequence' | 'token',
): { loss: tf.Scalar; clipFraction: tf.Scalar; advantages: tf.Tensor1D } {
  const lp = logProbs.arraySync();
  const olp = oldLogProbs.arraySync();
  const rlp = refLogProbs.arraySync();
  const r = rewards.arraySync();
  const m = responseMask.arraySync();
  const N = r.length;
  const G = groupSize;

  // Group-relative advantages.
  const adv = new Array<number>(N).fill(0);
  for (let g = 0; g < N; g += G) {
    const grp = r.slice(g, g + G);
    const allEqual = grp.every((v) => v === grp[0]);
    if (allEqual) continue; // sigma = 0 and every advantage is exactly 0
    const mu = grp.reduce((a, b) => a + b, 0) / G;
    const variance = grp.reduce((a, b) => a + (b - mu) * (b - mu), 0) / G;
    const sigma = Math.sqrt(variance);
    for (let j = 0; j < G; j++) adv[g + j] = (grp[j] - mu) / (sigma + eps);
  }

  let seqSum = 0;
  let tokSum = 0;
  let tokCount = 0;
  let clipped = 0;
  for (let i = 0; i < N; i++) {
    const A = adv[i];
    let rowSum = 0;
    let rowCount = 0;
    for (let t = 0; t < lp[i].length; t++) {
      if (m[i][t] === 0) continue;
      const w = m[i][t];
      const ratio = Math.exp(lp[i][t] - olp[i][t]);
      const clippedRatio = Math.min(Math.max(ratio, 1 - clipEps), 1 + clipEps);
      const s = Math.min(ratio * A, clippedRatio * A);
      const d = rlp[i][t] - lp[i][t];
      const k = Math.exp(d) - d - 1;
      const o = s - beta * k;
      rowSum += w * o;
      rowCount += w;
      if ((ratio > 1 + clipEps && A > 0) || (ratio < 1 - clipEps && A < 0)) clipped += w;
    }
    seqSum += rowSum / rowCount;
    tokSum += rowSum;
    tokCount += rowCount;
  }
  const loss = normalization === 'sequence' ? -seqSum / N : -tokSum / tokCount;
  return {
    loss: tf.scalar(loss, 'float32'),
    clipFraction: tf.scalar(clipped / tokCount, 'float32'),
    advantages: tf.tensor1d(adv, 'float32'),
  };
}
