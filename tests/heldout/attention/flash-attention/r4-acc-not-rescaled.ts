// Held-out wrong variant: when the running max rises, the sum l is rescaled by exp(m - m') but the output accumulator is not, so earlier blocks keep their old-max weighting.
import * as tf from '@tensorflow/tfjs';

export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  const batched = q.rank === 3;
  const Q = (batched ? q.arraySync() : [q.arraySync()]) as number[][][];
  const K = (batched ? k.arraySync() : [k.arraySync()]) as number[][][];
  const V = (batched ? v.arraySync() : [v.arraySync()]) as number[][][];
  const out: number[][][] = [];
  for (let b = 0; b < Q.length; b++) {
    const tk = K[b].length;
    const d = Q[b][0].length;
    const dv = V[b][0].length;
    const scale = 1 / Math.sqrt(d);
    const rows: number[][] = [];
    for (const qi of Q[b]) {
      let m = -1e30;
      let l = 0;
      const acc = new Array(dv).fill(0);
      for (let start = 0; start < tk; start += blockSize) {
        const end = Math.min(start + blockSize, tk);
        const s: number[] = [];
        for (let j = start; j < end; j++) {
          let dot = 0;
          for (let c = 0; c < d; c++) dot += qi[c] * K[b][j][c];
          s.push(dot * scale);
        }
        const mNew = Math.max(m, ...s);
        const corr = Math.exp(m - mNew);
        l *= corr;
        for (let j = start; j < end; j++) {
          const p = Math.exp(s[j - start] - mNew);
          l += p;
          for (let c = 0; c < dv; c++) acc[c] += p * V[b][j][c];
        }
        m = mNew;
      }
      rows.push(acc.map((a) => a / l));
    }
    out.push(rows);
  }
  return batched ? tf.tensor3d(out) : tf.tensor2d(out[0]);
}
