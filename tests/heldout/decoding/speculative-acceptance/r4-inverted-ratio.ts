// Held-out wrong variant: the acceptance test uses the inverted ratio q_i(x_i)/p_i(x_i) instead of p_i(x_i)/q_i(x_i).
import * as tf from '@tensorflow/tfjs';

function inverseCdf(dist: number[], s: number): number {
  let cum = 0;
  let lastPos = -1;
  for (let v = 0; v < dist.length; v++) {
    if (dist[v] <= 0) continue;
    lastPos = v;
    cum += dist[v];
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
  const q = draftProbs.arraySync() as number[][][];
  const p = targetProbs.arraySync() as number[][][];
  const x = draftTokens.arraySync() as number[][];
  const a = acceptU.arraySync() as number[][];
  const s = residualU.arraySync() as number[];
  const batch = q.length;
  const k = draftProbs.shape[1];
  const accepted: number[] = [];
  const token: number[] = [];
  for (let b = 0; b < batch; b++) {
    let n = k;
    for (let i = 0; i < k; i++) {
      const t = x[b][i];
      if (!(a[b][i] < q[b][i][t] / p[b][i][t])) {
        n = i;
        break;
      }
    }
    let dist: number[];
    if (n < k) {
      const diff = p[b][n].map((pv, v) => Math.max(0, pv - q[b][n][v]));
      const z = diff.reduce((acc, d) => acc + d, 0);
      dist = diff.map((d) => d / z);
    } else {
      dist = p[b][k];
    }
    accepted.push(n);
    token.push(inverseCdf(dist, s[b]));
  }
  return { accepted: tf.tensor1d(accepted, 'int32'), token: tf.tensor1d(token, 'int32') };
}
