// Held-out wrong variant: the number of key blocks is floor(tk / blockSize), so the shorter last block is never processed when tk is not a multiple of blockSize.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  const batched = q.rank === 3;
  const Q = (batched ? q.arraySync() : [q.arraySync()]) as number[][][];
  const K = (batched ? k.arraySync() : [k.arraySync()]) as number[][][];
  const V = (batched ? v.arraySync() : [v.arraySync()]) as number[][][];
  const d = q.shape[q.rank - 1];
  const tk = k.shape[k.rank - 2];
  const dv = v.shape[v.rank - 1];
  const scale = 1 / Math.sqrt(d);
  const nBlocks = Math.floor(tk / blockSize);
  const out: number[][][] = [];
  for (let bi = 0; bi < Q.length; bi++) {
    const rows: number[][] = [];
    for (const qRow of Q[bi]) {
      let m = -1e30;
      let l = 0;
      let acc = new Array(dv).fill(0);
      for (let j = 0; j < nBlocks; j++) {
        const start = j * blockSize;
        const end = Math.min(start + blockSize, tk);
        const s: number[] = [];
        let blockMax = -Infinity;
        for (let c = start; c < end; c++) {
          let dot = 0;
          for (let f = 0; f < d; f++) dot += qRow[f] * K[bi][c][f];
          s.push(dot * scale);
          blockMax = Math.max(blockMax, dot * scale);
        }
        const mNew = Math.max(m, blockMax);
        const corr = Math.exp(m - mNew);
        l *= corr;
        acc = acc.map((a) => a * corr);
        for (let c = start; c < end; c++) {
          const p = Math.exp(s[c - start] - mNew);
          l += p;
          for (let f = 0; f < dv; f++) acc[f] += p * V[bi][c][f];
        }
        m = mNew;
      }
      rows.push(acc.map((a) => a / l));
    }
    out.push(rows);
  }
  return batched ? tf.tensor3d(out) : tf.tensor2d(out[0]);
}
