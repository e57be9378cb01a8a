// Held-out wrong variant: the prompt chunk is attended without a causal mask, so prompt token r also sees prompt tokens after r.
import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

function matmulRows(rows: number[][], w: number[][]): number[][] {
  const n = w[0].length;
  return rows.map((r) => {
    const out = new Array(n).fill(0);
    for (let i = 0; i < r.length; i++) for (let j = 0; j < n; j++) out[j] += r[i] * w[i][j];
    return out;
  });
}

function attend(qRow: number[], keys: number[][], values: number[][], scale: number): number[] {
  const s = keys.map((kRow) => kRow.reduce((acc, kv, f) => acc + kv * qRow[f], 0) * scale);
  const mx = Math.max(...s);
  const e = s.map((x) => Math.exp(x - mx));
  const sum = e.reduce((a, c) => a + c, 0);
  const out = new Array(values[0].length).fill(0);
  for (let j = 0; j < values.length; j++) for (let f = 0; f < out.length; f++) out[f] += (e[j] / sum) * values[j][f];
  return out;
}

export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  const X = x.arraySync();
  const Wq = weights.wq.arraySync();
  const Wk = weights.wk.arraySync();
  const Wv = weights.wv.arraySync();
  const [b, t] = x.shape;
  const dk = weights.wq.shape[1];
  const dv = weights.wv.shape[1];
  const scale = 1 / Math.sqrt(dk);
  const result: number[][][] = [];
  for (let bi = 0; bi < b; bi++) {
    const prompt = X[bi].slice(0, prefill);
    const qs = matmulRows(prompt, Wq);
    const kCache = matmulRows(prompt, Wk);
    const vCache = matmulRows(prompt, Wv);
    const rows: number[][] = qs.map((qRow) => attend(qRow, kCache, vCache, scale));
    for (let i = prefill; i < t; i++) {
      const xi = [X[bi][i]];
      const qi = matmulRows(xi, Wq)[0];
      kCache.push(matmulRows(xi, Wk)[0]);
      vCache.push(matmulRows(xi, Wv)[0]);
      rows.push(attend(qi, kCache, vCache, scale));
    }
    result.push(rows);
  }
  return tf.tensor3d(result, [b, t, dv]);
}
