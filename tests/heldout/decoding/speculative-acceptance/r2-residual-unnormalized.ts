// Held-out wrong variant: samples the final token after a rejection from max(0, p - q) without dividing by its sum.
import * as tf from '@tensorflow/tfjs';

function sample(dist: number[], s: number): number {
  let c = 0;
  let lastPos = -1;
  for (let v = 0; v < dist.length; v++) {
    if (dist[v] > 0) lastPos = v;
    c += dist[v];
    if (dist[v] > 0 && c > s) return v;
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
  const q = draftProbs.arraySync() as number[][][];
  const p = targetProbs.arraySync() as number[][][];
  const x = draftTokens.arraySync() as number[][];
  const a = acceptU.arraySync() as number[][];
  const s = residualU.arraySync() as number[];
  const batch = q.length;
  const k = x[0]?.length ?? 0;
  const acc: number[] = [];
  const tok: number[] = [];
  for (let b = 0; b < batch; b++) {
    let i = 0;
    while (i < k) {
      const xi = x[b][i];
      if (a[b][i] < p[b][i][xi] / q[b][i][xi]) i++;
      else break;
    }
    acc.push(i);
    let dist: number[];
    if (i === k) {
      dist = p[b][k];
    } else {
      const r = p[b][i].map((pv, v) => Math.max(0, pv - q[b][i][v]));
      const z = r.reduce((m, w) => m + w, 0);
      dist = r;
    }
    tok.push(sample(dist, s[b]));
  }
  return { accepted: tf.tensor1d(acc, 'int32'), token: tf.tensor1d(tok, 'int32') };
}
