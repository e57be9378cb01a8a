// Held-out wrong variant: the scores are scaled by 1/sqrt(dv), the value head size, instead of 1/sqrt(d), the query/key head size.
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  const Q = q.arraySync();
  const K = k.arraySync();
  const V = v.arraySync();
  const [b, nHeads, tq] = q.shape;
  const nKv = k.shape[1];
  const tk = k.shape[2];
  const dv = v.shape[3];
  const g = nHeads / nKv;
  const scale = 1 / Math.sqrt(dv);
  const out: number[][][][] = [];
  for (let bi = 0; bi < b; bi++) {
    const heads: number[][][] = [];
    for (let h = 0; h < nHeads; h++) {
      const kvh = Math.floor(h / g);
      const rows: number[][] = [];
      for (let i = 0; i < tq; i++) {
        const limit = causal ? i + 1 : tk;
        const s: number[] = [];
        for (let j = 0; j < limit; j++) {
          let dot = 0;
          const qi = Q[bi][h][i];
          const kj = K[bi][kvh][j];
          for (let c = 0; c < qi.length; c++) dot += qi[c] * kj[c];
          s.push(dot * scale);
        }
        const mx = Math.max(...s);
        const e = s.map((z) => Math.exp(z - mx));
        const sum = e.reduce((a, c) => a + c, 0);
        const row = new Array(dv).fill(0);
        for (let j = 0; j < limit; j++) {
          for (let c = 0; c < dv; c++) row[c] += (e[j] / sum) * V[bi][kvh][j][c];
        }
        rows.push(row);
      }
      heads.push(rows);
    }
    out.push(heads);
  }
  return tf.tensor4d(out);
}
