// Held-out wrong variant: in dS = P ⊙ (dP − Σ dP⊙P) the sum is taken over the query axis (axis −2) instead of over the keys (last axis).
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  const rank = q.rank;
  const lead = q.shape.slice(0, rank - 2);
  const tq = q.shape[rank - 2];
  const d = q.shape[rank - 1];
  const tk = k.shape[rank - 2];
  const dvDim = v.shape[rank - 1];
  const B = lead.reduce((x, y) => x * y, 1);
  const Q = q.reshape([B, tq, d]).arraySync() as number[][][];
  const K = k.reshape([B, tk, d]).arraySync() as number[][][];
  const V = v.reshape([B, tk, dvDim]).arraySync() as number[][][];
  const DO = dOut.reshape([B, tq, dvDim]).arraySync() as number[][][];
  const sc = 1 / Math.sqrt(d);
  const dqA: number[][][] = [];
  const dkA: number[][][] = [];
  const dvA: number[][][] = [];
  for (let b = 0; b < B; b++) {
    // P
    const P: number[][] = [];
    for (let i = 0; i < tq; i++) {
      const row: number[] = [];
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += Q[b][i][c] * K[b][j][c];
        row.push(s * sc);
      }
      const m = Math.max(...row);
      const e = row.map((s) => Math.exp(s - m));
      const z = e.reduce((x, y) => x + y, 0);
      P.push(e.map((x) => x / z));
    }
    // dP = dO Vᵀ
    const dP: number[][] = [];
    for (let i = 0; i < tq; i++) {
      const row: number[] = [];
      for (let j = 0; j < tk; j++) {
        let s = 0;
        for (let c = 0; c < dvDim; c++) s += DO[b][i][c] * V[b][j][c];
        row.push(s);
      }
      dP.push(row);
    }
    // column sums of dP ⊙ P
    const colDot: number[] = new Array(tk).fill(0);
    for (let i = 0; i < tq; i++) for (let j = 0; j < tk; j++) colDot[j] += dP[i][j] * P[i][j];
    const dS: number[][] = [];
    for (let i = 0; i < tq; i++) {
      dS.push(P[i].map((p, j) => p * (dP[i][j] - colDot[j])));
    }
    // dV = Pᵀ dO
    const dVb: number[][] = [];
    for (let j = 0; j < tk; j++) {
      const row = new Array(dvDim).fill(0);
      for (let i = 0; i < tq; i++) for (let c = 0; c < dvDim; c++) row[c] += P[i][j] * DO[b][i][c];
      dVb.push(row);
    }
    // dQ = dS K / √d
    const dQb: number[][] = [];
    for (let i = 0; i < tq; i++) {
      const row = new Array(d).fill(0);
      for (let j = 0; j < tk; j++) for (let c = 0; c < d; c++) row[c] += dS[i][j] * K[b][j][c];
      dQb.push(row.map((x) => x * sc));
    }
    // dK = dSᵀ Q / √d
    const dKb: number[][] = [];
    for (let j = 0; j < tk; j++) {
      const row = new Array(d).fill(0);
      for (let i = 0; i < tq; i++) for (let c = 0; c < d; c++) row[c] += dS[i][j] * Q[b][i][c];
      dKb.push(row.map((x) => x * sc));
    }
    dqA.push(dQb);
    dkA.push(dKb);
    dvA.push(dVb);
  }
  return {
    dq: tf.tensor(dqA, [B, tq, d]).reshape(q.shape),
    dk: tf.tensor(dkA, [B, tk, d]).reshape(k.shape),
    dv: tf.tensor(dvA, [B, tk, dvDim]).reshape(v.shape),
  };
}
