// Held-out wrong variant: computes the softmax as exp(s) / sum(exp(s)) without subtracting the row maximum, which overflows on large scores.
import * as tf from '@tensorflow/tfjs';

export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): tf.Tensor {
  const lead = q.shape.slice(0, -2);
  const tq = q.shape[q.rank - 2];
  const d = q.shape[q.rank - 1];
  const tk = k.shape[k.rank - 2];
  const dv = v.shape[v.rank - 1];
  const batch = lead.reduce((a, b) => a * b, 1);

  const qd = q.dataSync();
  const kd = k.dataSync();
  const vd = v.dataSync();
  let md: Float32Array | Int32Array | Uint8Array | null = null;
  if (mask) {
    const full = tf.tidy(() => tf.broadcastTo(tf.cast(mask, 'float32'), [...lead, tq, tk]));
    md = full.dataSync() as Float32Array;
    full.dispose();
  }
  const scale = 1 / Math.sqrt(d);
  const out = new Float32Array(batch * tq * dv);
  const scores = new Float64Array(tk);
  const allowed = new Array<boolean>(tk);

  for (let bi = 0; bi < batch; bi++) {
    for (let i = 0; i < tq; i++) {
      let max = -Infinity;
      for (let j = 0; j < tk; j++) {
        allowed[j] = md === null ? true : md[(bi * tq + i) * tk + j] !== 0;
        if (!allowed[j]) continue;
        let s = 0;
        for (let c = 0; c < d; c++) s += qd[(bi * tq + i) * d + c] * kd[(bi * tk + j) * d + c];
        scores[j] = s * scale;
        if (scores[j] > max) max = scores[j];
      }
      if (max === -Infinity) continue; // fully masked row: stays zeros
      let sum = 0;
      for (let j = 0; j < tk; j++) {
        scores[j] = allowed[j] ? Math.exp(scores[j]) : 0;
        sum += scores[j];
      }
      for (let j = 0; j < tk; j++) {
        const w = scores[j] / sum;
        if (w === 0) continue;
        for (let c = 0; c < dv; c++) out[(bi * tq + i) * dv + c] += w * vd[(bi * tk + j) * dv + c];
      }
    }
  }
  return tf.tensor(out, [...lead, tq, dv], 'float32');
}
