// Held-out wrong variant: When all k drafts are accepted the bonus token is sampled from p_{k-1} (the last drafted position) instead of p_k.
import * as tf from '@tensorflow/tfjs';

function sample(dist: number[], s: number): number {
  let total = 0;
  for (const x of dist) total += x;
  let cum = 0;
  let lastPos = -1;
  for (let v = 0; v < dist.length; v++) {
    if (dist[v] <= 0) continue;
    lastPos = v;
    cum += dist[v] / total;
    if (cum > s) return v;
  }
  return lastPos;
}

export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  const [batch, k] = draftProbs.shape;
  const q = draftProbs.arraySync() as number[][][];
  const p = targetProbs.arraySync() as number[][][];
  const x = draftTokens.arraySync() as number[][];
  const a = acceptU.arraySync() as number[][];
  const s = residualU.arraySync() as number[];
  const accepted: number[] = [];
  const token: number[] = [];
  for (let b = 0; b < batch; b++) {
    let i = 0;
    while (i < k) {
      const xi = x[b][i];
      if (a[b][i] < p[b][i][xi] / q[b][i][xi]) i++;
      else break;
    }
    let dist: number[];
    if (i < k) {
      dist = p[b][i].map((pv, v) => Math.max(0, pv - q[b][i][v]));
    } else {
      dist = p[b][k - 1];
    }
    accepted.push(i);
    token.push(sample(dist, s[b]));
  }
  return { accepted: tf.tensor1d(accepted, 'int32'), token: tf.tensor1d(token, 'int32') };
}
