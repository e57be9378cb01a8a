import * as tf from '@tensorflow/tfjs';

/** Explicit loops over arraySync() data with a per-row log-sum-exp in float64. */
export function sftResponseLoss(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  promptLengths: tf.Tensor1D,
  padId: number,
  reduction: 'token' | 'sequence',
): { labels: tf.Tensor2D; loss: tf.Scalar } {
  const Z = logits.arraySync();
  const X = tokenIds.arraySync();
  const P = promptLengths.arraySync();
  const [B, T] = tokenIds.shape;
  const labels: number[][] = X.map((row, b) => row.map((x, t) => (t >= P[b] && x !== padId ? x : -100)));
  let tokenSum = 0;
  let tokenCount = 0;
  let seqSum = 0;
  let seqCount = 0;
  for (let b = 0; b < B; b++) {
    let rowSum = 0;
    let rowCount = 0;
    for (let t = 0; t < T - 1; t++) {
      const y = labels[b][t + 1];
      if (y === -100) continue;
      const z = Z[b][t];
      const mx = Math.max(...z);
      let s = 0;
      for (const v of z) s += Math.exp(v - mx);
      const nll = mx + Math.log(s) - z[y];
      rowSum += nll;
      rowCount += 1;
    }
    tokenSum += rowSum;
    tokenCount += rowCount;
    if (rowCount > 0) {
      seqSum += rowSum / rowCount;
      seqCount += 1;
    }
  }
  let loss = 0;
  if (tokenCount > 0) loss = reduction === 'token' ? tokenSum / tokenCount : seqSum / seqCount;
  return { labels: tf.tensor2d(labels, [B, T], 'int32'), loss: tf.scalar(loss, 'float32') };
}
