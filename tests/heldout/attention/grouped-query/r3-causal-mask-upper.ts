// Held-out wrong variant: the causal mask keeps the upper triangle (key j >= query i) instead of the lower one, so each query sees itself and the future rather than the past.
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  const [b, nHeads, tq, d] = q.shape;
  const nKvHeads = k.shape[1];
  const tk = k.shape[2];
  const dv = v.shape[3];
  const g = nHeads / nKvHeads;
  const Q = q.arraySync();
  const K = k.arraySync();
  const V = v.arraySync();
  const scale = 1 / Math.sqrt(d);
  const out: number[][][][] = [];
  for (let bi = 0; bi < b; bi++) {
    const heads: number[][][] = [];
    for (let h = 0; h < nHeads; h++) {
      const kv = Math.floor(h / g);
      const rows: number[][] = [];
      for (let i = 0; i < tq; i++) {
        const scores: number[] = [];
        for (let j = 0; j < tk; j++) {
          if (causal && j < i) {
            scores.push(-Infinity);
            continue;
          }
          let dot = 0;
          for (let f = 0; f < d; f++) dot += Q[bi][h][i][f] * K[bi][kv][j][f];
          scores.push(dot * scale);
        }
        const mx = Math.max(...scores);
        const e = scores.map((s) => Math.exp(s - mx));
        const sum = e.reduce((a, c) => a + c, 0);
        const row = new Array(dv).fill(0);
        for (let j = 0; j < tk; j++) {
          const w = e[j] / sum;
          for (let f = 0; f < dv; f++) row[f] += w * V[bi][kv][j][f];
        }
        rows.push(row);
      }
      heads.push(rows);
    }
    out.push(heads);
  }
  return tf.tensor4d(out, [b, nHeads, tq, dv]);
}
