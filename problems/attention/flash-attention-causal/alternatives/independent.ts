import * as tf from '@tensorflow/tfjs';

// Independent solution: the tiled online-softmax algorithm written as explicit loops over the
// flat typed-array data (float64 arithmetic). No tensor larger than the output is ever built.

export function flashAttentionCausal(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, blockSize: number): { out: tf.Tensor; lse: tf.Tensor } {
  const t = q.shape[q.rank - 2];
  const d = q.shape[q.rank - 1];
  const dv = v.shape[v.rank - 1];
  const batchShape = q.shape.slice(0, -2);
  const n = batchShape.reduce((a, c) => a * c, 1);
  const Q = q.dataSync();
  const K = k.dataSync();
  const V = v.dataSync();
  const out = new Float32Array(n * t * dv);
  const lse = new Float32Array(n * t);
  const B = Math.max(1, Math.floor(blockSize));
  const scale = 1 / Math.sqrt(d);

  for (let bi = 0; bi < n; bi++) {
    const qOff = bi * t * d;
    const vOff = bi * t * dv;
    for (let q0 = 0; q0 < t; q0 += B) {
      const qEnd = Math.min(q0 + B, t);
      const rows = qEnd - q0;
      const m = new Float64Array(rows).fill(-Infinity);
      const l = new Float64Array(rows);
      const acc = new Float64Array(rows * dv);
      for (let k0 = 0; k0 < t && k0 <= qEnd - 1; k0 += B) {
        const kEnd = Math.min(k0 + B, t);
        const cols = kEnd - k0;
        for (let r = 0; r < rows; r++) {
          const qi = q0 + r;
          // masked scores of this row of the tile
          const S = new Float64Array(cols);
          let rowMax = -Infinity;
          for (let c = 0; c < cols; c++) {
            const kj = k0 + c;
            if (kj > qi) { S[c] = -Infinity; continue; }
            let dot = 0;
            for (let f = 0; f < d; f++) dot += Q[qOff + qi * d + f] * K[qOff + kj * d + f];
            S[c] = dot * scale;
            if (S[c] > rowMax) rowMax = S[c];
          }
          if (rowMax === -Infinity) continue; // fully masked row in this tile: nothing changes
          const mNew = Math.max(m[r], rowMax);
          const corr = m[r] === -Infinity ? 0 : Math.exp(m[r] - mNew);
          l[r] *= corr;
          for (let f = 0; f < dv; f++) acc[r * dv + f] *= corr;
          for (let c = 0; c < cols; c++) {
            if (S[c] === -Infinity) continue;
            const p = Math.exp(S[c] - mNew);
            l[r] += p;
            const kj = k0 + c;
            for (let f = 0; f < dv; f++) acc[r * dv + f] += p * V[vOff + kj * dv + f];
          }
          m[r] = mNew;
        }
      }
      for (let r = 0; r < rows; r++) {
        const qi = q0 + r;
        for (let f = 0; f < dv; f++) out[vOff + qi * dv + f] = acc[r * dv + f] / l[r];
        lse[bi * t + qi] = m[r] + Math.log(l[r]);
      }
    }
  }
  return {
    out: tf.tensor(out, [...batchShape, t, dv], 'float32'),
    lse: tf.tensor(lse, [...batchShape, t], 'float32'),
  };
}
