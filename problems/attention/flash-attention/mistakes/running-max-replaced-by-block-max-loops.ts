import * as tf from '@tensorflow/tfjs';

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv] with ... = [] or [b]. Returns [..., tq, dv].
// Plain loops over the data, one query row at a time, in JavaScript numbers (float64).
export function flashAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): tf.Tensor {
  const d = q.shape[q.rank - 1];
  const tq = q.shape[q.rank - 2];
  const tk = k.shape[k.rank - 2];
  const dv = v.shape[v.rank - 1];
  const batch = q.rank === 3 ? q.shape[0] : 1;
  const Q = q.dataSync();
  const K = k.dataSync();
  const V = v.dataSync();
  const out = new Float32Array(batch * tq * dv);
  const scale = 1 / Math.sqrt(d);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < tq; i++) {
      const qRow = (b * tq + i) * d;
      let m = -Infinity; // running max
      let l = 0; // running sum of exp(s - m)
      const acc = new Array<number>(dv).fill(0); // running Σ exp(s - m)·v
      for (let start = 0; start < tk; start += blockSize) {
        const end = Math.min(start + blockSize, tk);
        const s: number[] = [];
        for (let j = start; j < end; j++) {
          let dot = 0;
          for (let c = 0; c < d; c++) dot += Q[qRow + c] * K[(b * tk + j) * d + c];
          s.push(dot * scale);
        }
        // Bug: the new "running" max is this block's max alone, not max(m, max(s)). When a block
        // scores lower than an earlier one, m − mNew is large and exp(m − mNew) overflows (past
        // ≈ 709 in float64), so l and acc become Infinity and the row comes out NaN.
        const mNew = Math.max(...s);
        const correction = Math.exp(m - mNew);
        l *= correction;
        for (let c = 0; c < dv; c++) acc[c] *= correction;
        for (let j = start; j < end; j++) {
          const p = Math.exp(s[j - start] - mNew);
          l += p;
          for (let c = 0; c < dv; c++) acc[c] += p * V[(b * tk + j) * dv + c];
        }
        m = mNew;
      }
      for (let c = 0; c < dv; c++) out[(b * tq + i) * dv + c] = acc[c] / l;
    }
  }
  return tf.tensor(out, [...q.shape.slice(0, -1), dv]);
}
