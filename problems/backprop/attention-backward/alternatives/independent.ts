// Style: explicit loops over plain Float32Arrays (read with dataSync), one batch slice at a time,
// with a max-shifted softmax computed by hand; no vectorised tf ops besides building the outputs.
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  const tq = q.shape[q.shape.length - 2];
  const d = q.shape[q.shape.length - 1];
  const tk = k.shape[k.shape.length - 2];
  const dvDim = v.shape[v.shape.length - 1];
  const batch = q.size / (tq * d);
  const Q = q.dataSync() as Float32Array;
  const K = k.dataSync() as Float32Array;
  const V = v.dataSync() as Float32Array;
  const DO = dOut.dataSync() as Float32Array;
  const dQ = new Float32Array(q.size);
  const dK = new Float32Array(k.size);
  const dV = new Float32Array(v.size);
  const scale = 1 / Math.sqrt(d);

  for (let bIdx = 0; bIdx < batch; bIdx++) {
    const qo = bIdx * tq * d;
    const ko = bIdx * tk * d;
    const vo = bIdx * tk * dvDim;
    const oo = bIdx * tq * dvDim;
    for (let i = 0; i < tq; i++) {
      // scores and softmax over keys
      const p = new Array<number>(tk);
      let m = -Infinity;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += Q[qo + i * d + c] * K[ko + j * d + c];
        p[j] = s * scale;
        if (p[j] > m) m = p[j];
      }
      let z = 0;
      for (let j = 0; j < tk; j++) { p[j] = Math.exp(p[j] - m); z += p[j]; }
      for (let j = 0; j < tk; j++) p[j] /= z;
      // dP = dO V^T (row i), and its P-weighted sum
      const dp = new Array<number>(tk);
      let dot = 0;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < dvDim; c++) s += DO[oo + i * dvDim + c] * V[vo + j * dvDim + c];
        dp[j] = s;
        dot += s * p[j];
      }
      for (let j = 0; j < tk; j++) {
        // dV += P^T dO
        for (let c = 0; c < dvDim; c++) dV[vo + j * dvDim + c] += p[j] * DO[oo + i * dvDim + c];
        const ds = p[j] * (dp[j] - dot) * scale;
        for (let c = 0; c < d; c++) {
          dQ[qo + i * d + c] += ds * K[ko + j * d + c];
          dK[ko + j * d + c] += ds * Q[qo + i * d + c];
        }
      }
    }
  }
  return {
    dq: tf.tensor(dQ, q.shape, 'float32'),
    dk: tf.tensor(dK, k.shape, 'float32'),
    dv: tf.tensor(dV, v.shape, 'float32'),
  };
}
