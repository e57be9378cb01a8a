// Held-out wrong variant: multiplies by C every step but normalises only once after the loop, so large covariances overflow.
import * as tf from '@tensorflow/tfjs';

function matVec(C: number[][], v: number[]): number[] {
  return C.map((row) => row.reduce((s, c, j) => s + c * v[j], 0));
}

function normalise(v: number[]): number[] {
  const norm = Math.sqrt(v.reduce((s, a) => s + a * a, 0));
  return v.map((a) => a / norm);
}

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const X = x.arraySync();
  const v0 = init.arraySync();
  const [n, d] = x.shape;

  const mean = new Array(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j] += row[j] / n;

  const C: number[][] = Array.from({ length: d }, () => new Array(d).fill(0));
  for (const row of X) {
    for (let a = 0; a < d; a++) {
      const ca = row[a] - mean[a];
      for (let b = 0; b < d; b++) C[a][b] += (ca * (row[b] - mean[b])) / (n - 1);
    }
  }

  const components: number[][] = [];
  for (let comp = 0; comp < k; comp++) {
    let v = normalise(v0);
    for (let it = 0; it < iterations; it++) v = matVec(C, v);
    v = normalise(v);

    let big = 0;
    for (let j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
    if (v[big] < 0) v = v.map((a) => -a);
    components.push(v);

    const Cv = matVec(C, v);
    const lambda = v.reduce((s, a, j) => s + a * Cv[j], 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= lambda * v[a] * v[b];
  }
  return tf.tensor2d(components, [k, d], 'float32');
}
