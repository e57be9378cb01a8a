// Held-out wrong variant: the sign convention flips v when its first entry is negative instead of when its largest-magnitude entry is negative.
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const X = x.arraySync();
  const n = X.length;
  const d = X[0].length;
  const mu = new Array(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mu[j] += row[j] / n;
  const C: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
  for (const row of X) {
    for (let a = 0; a < d; a++) {
      const ra = row[a] - mu[a];
      for (let b = 0; b < d; b++) C[a][b] += (ra * (row[b] - mu[b])) / (n - 1);
    }
  }
  const matvec = (M: number[][], v: number[]) => M.map((r) => r.reduce((s, m, j) => s + m * v[j], 0));
  const normalize = (v: number[]) => {
    const nrm = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
    return v.map((a) => a / nrm);
  };
  const initV = normalize(init.arraySync());
  const out: number[][] = [];
  for (let i = 0; i < k; i++) {
    let v = initV.slice();
    for (let it = 0; it < iterations; it++) v = normalize(matvec(C, v));
    if (v[0] < 0) v = v.map((a) => -a);
    out.push(v);
    const Cv = matvec(C, v);
    const lambda = v.reduce((s, a, j) => s + a * Cv[j], 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= lambda * v[a] * v[b];
  }
  return tf.tensor2d(out, [k, d]);
}
