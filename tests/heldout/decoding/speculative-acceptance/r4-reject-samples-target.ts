// Held-out wrong variant: after a rejection at position i the final token is sampled from the target distribution p_i itself instead of the residual norm(max(0, p_i − q_i)).
import * as tf from '@tensorflow/tfjs';

export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  const [batch, k, vocab] = draftProbs.shape;
  const q = draftProbs.dataSync();
  const p = targetProbs.dataSync();
  const x = draftTokens.dataSync();
  const a = acceptU.dataSync();
  const s = residualU.dataSync();
  const acc = new Int32Array(batch);
  const tok = new Int32Array(batch);
  for (let b = 0; b < batch; b++) {
    let n = 0;
    while (n < k) {
      const t = x[b * k + n];
      const pv = p[(b * (k + 1) + n) * vocab + t];
      const qv = q[(b * k + n) * vocab + t];
      if (a[b * k + n] < pv / qv) n++;
      else break;
    }
    acc[b] = n;
    const base = (b * (k + 1) + n) * vocab;
    const dist: number[] = [];
    for (let v = 0; v < vocab; v++) dist.push(p[base + v]);
    let cum = 0;
    let chosen = -1;
    let lastPositive = -1;
    for (let v = 0; v < vocab; v++) {
      if (dist[v] > 0) lastPositive = v;
      cum += dist[v];
      if (dist[v] > 0 && cum > s[b]) {
        chosen = v;
        break;
      }
    }
    tok[b] = chosen >= 0 ? chosen : lastPositive;
  }
  return { accepted: tf.tensor1d(acc, 'int32'), token: tf.tensor1d(tok, 'int32') };
}
