// Held-out wrong variant: when all k drafts are accepted the bonus token is sampled from p_{k−1} (the last drafted position) instead of p_k.
import * as tf from '@tensorflow/tfjs';

export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  const q = draftProbs.arraySync() as number[][][];
  const p = targetProbs.arraySync() as number[][][];
  const drafts = draftTokens.arraySync() as number[][];
  const au = acceptU.arraySync() as number[][];
  const su = residualU.arraySync() as number[];
  const k = draftProbs.shape[1];
  const accepted: number[] = [];
  const tokens: number[] = [];
  for (let b = 0; b < q.length; b++) {
    let i = 0;
    for (; i < k; i++) {
      const t = drafts[b][i];
      if (!(au[b][i] < p[b][i][t] / q[b][i][t])) break;
    }
    accepted.push(i);
    let dist: number[];
    if (i < k) {
      const r = p[b][i].map((pv, v) => Math.max(0, pv - q[b][i][v]));
      const z = r.reduce((m, y) => m + y, 0);
      dist = r.map((y) => y / z);
    } else {
      dist = p[b][k - 1];
    }
    let cum = 0;
    let pick = -1;
    let last = -1;
    for (let v = 0; v < dist.length; v++) {
      if (dist[v] > 0) {
        last = v;
        cum += dist[v];
        if (cum > su[b]) {
          pick = v;
          break;
        }
      }
    }
    tokens.push(pick >= 0 ? pick : last);
  }
  return { accepted: tf.tensor1d(accepted, 'int32'), token: tf.tensor1d(tokens, 'int32') };
}
