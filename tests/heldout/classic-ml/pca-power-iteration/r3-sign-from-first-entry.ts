// Held-out wrong variant: the sign convention flips v when its first entry is negative, instead of when its largest-magnitude entry is negative.
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const X = x.arraySync();
  const n = X.length;
  const d = X[0].length;
  const mu = new Array<number>(d).fill(0);
  for (const row of X) for (let t = 0; t < d; t++) mu[t] += row[t] / n;
  const Xc = X.map((row) => row.map((v, t) => v - mu[t]));
  const C: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const row of Xc) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] += (row[a] * row[b]) / (n - 1);
  const matVec = (v: number[]) => C.map((r) => r.reduce((s, c, t) => s + c * v[t], 0));
  const normalise = (v: number[]) => {
    const nr = Math.sqrt(v.reduce((s, e) => s + e * e, 0));
    return v.map((e) => e / nr);
  };
  const initArr = init.arraySync();
  const result: number[][] = [];
  for (let i = 0; i < k; i++) {
    let v = normalise(initArr);
    for (let it = 0; it < iterations; it++) v = normalise(matVec(v));
    if (v[0] < 0) v = v.map((e) => -e);
    result.push(v);
    const Cv = matVec(v);
    const lambda = v.reduce((s, e, t) => s + e * Cv[t], 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= lambda * v[a] * v[b];
  }
  return tf.tensor2d(result, [k, d]);
}
