// Held-out wrong variant: the softmax is recomputed as exp(s)/Σexp(s) without subtracting the row max, so it overflows to NaN for large scores.
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  const r = q.shape.length;
  const tq = q.shape[r - 2], d = q.shape[r - 1];
  const tk = k.shape[r - 2], dvDim = v.shape[r - 1];
  const lead = q.shape.slice(0, r - 2);
  const B = lead.reduce((acc, n) => acc * n, 1);
  const Q = q.reshape([B, tq, d]).arraySync() as number[][][];
  const K = k.reshape([B, tk, d]).arraySync() as number[][][];
  const V = v.reshape([B, tk, dvDim]).arraySync() as number[][][];
  const DO = dOut.reshape([B, tq, dvDim]).arraySync() as number[][][];
  const sc = 1 / Math.sqrt(d);
  const dQ: number[][][] = [], dK: number[][][] = [], dV: number[][][] = [];
  for (let b = 0; b < B; b++) {
    const P: number[][] = [];
    for (let i = 0; i < tq; i++) {
      const row: number[] = [];
      let z = 0;
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += Q[b][i][c] * K[b][j][c];
        const e = Math.exp(s * sc);
        row.push(e);
        z += e;
      }
      P.push(row.map((e) => e / z));
    }
    const dq = Array.from({ length: tq }, () => new Array(d).fill(0));
    const dk = Array.from({ length: tk }, () => new Array(d).fill(0));
    const dv = Array.from({ length: tk }, () => new Array(dvDim).fill(0));
    for (let i = 0; i < tq; i++) {
      const dP = new Array(tk).fill(0);
      for (let j = 0; j < tk; j++) {
        for (let c = 0; c < dvDim; c++) {
          dP[j] += DO[b][i][c] * V[b][j][c];
          dv[j][c] += P[i][j] * DO[b][i][c];
        }
      }
      let corr = 0;
      for (let j = 0; j < tk; j++) corr += dP[j] * P[i][j];
      for (let j = 0; j < tk; j++) {
        const dS = P[i][j] * (dP[j] - corr) * sc;
        for (let c = 0; c < d; c++) {
          dq[i][c] += dS * K[b][j][c];
          dk[j][c] += dS * Q[b][i][c];
        }
      }
    }
    dQ.push(dq); dK.push(dk); dV.push(dv);
  }
  return {
    dq: tf.tensor(dQ).reshape([...lead, tq, d]),
    dk: tf.tensor(dK).reshape([...lead, tk, d]),
    dv: tf.tensor(dV).reshape([...lead, tk, dvDim]),
  };
}
