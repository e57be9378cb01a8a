// Held-out wrong variant: the scores q·kᵀ are not divided by sqrt(d) before the softmax.
import * as tf from '@tensorflow/tfjs';

export function slidingWindowAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, window: number): tf.Tensor {
  const batchShape = q.shape.slice(0, -2);
  const t = q.shape[q.rank - 2];
  const d = q.shape[q.rank - 1];
  const dv = v.shape[v.rank - 1];
  const n = batchShape.reduce((a, c) => a * c, 1);
  const Q = q.dataSync();
  const K = k.dataSync();
  const V = v.dataSync();
  const out = new Float32Array(n * t * dv);
  for (let bi = 0; bi < n; bi++) {
    for (let i = 0; i < t; i++) {
      const lo = Math.max(0, i - window + 1);
      const scores: number[] = [];
      let mx = -Infinity;
      for (let j = lo; j <= i; j++) {
        let dot = 0;
        for (let f = 0; f < d; f++) dot += Q[(bi * t + i) * d + f] * K[(bi * t + j) * d + f];
        scores.push(dot);
        if (dot > mx) mx = dot;
      }
      let sum = 0;
      const e = scores.map((s) => {
        const x = Math.exp(s - mx);
        sum += x;
        return x;
      });
      for (let j = lo; j <= i; j++) {
        const w = e[j - lo] / sum;
        for (let f = 0; f < dv; f++) out[(bi * t + i) * dv + f] += w * V[(bi * t + j) * dv + f];
      }
    }
  }
  return tf.tensor(out, [...batchShape, t, dv], 'float32');
}
