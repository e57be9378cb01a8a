// Held-out wrong variant: the power-iteration loop runs from 1 to iterations−1, i.e. one power step fewer than `iterations`.
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const X = x.arraySync();
  const n = X.length;
  const d = X[0].length;
  const mean = Array.from({ length: d }, (_, t) => X.reduce((s, r) => s + r[t], 0) / n);
  const C: number[][] = [];
  for (let a = 0; a < d; a++) {
    C.push([]);
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (X[i][a] - mean[a]) * (X[i][b] - mean[b]);
      C[a].push(s / (n - 1));
    }
  }
  const g = init.arraySync();
  const out: number[][] = [];
  for (let comp = 0; comp < k; comp++) {
    let nrm = Math.hypot(...g);
    let v = g.map((e) => e / nrm);
    for (let it = 1; it < iterations; it++) {
      const w = new Array<number>(d).fill(0);
      for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) w[a] += C[a][b] * v[b];
      nrm = Math.hypot(...w);
      v = w.map((e) => e / nrm);
    }
    let m = 0;
    for (let t = 1; t < d; t++) if (Math.abs(v[t]) > Math.abs(v[m])) m = t;
    if (v[m] < 0) v = v.map((e) => -e);
    out.push(v);
    const Cv = new Array<number>(d).fill(0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) Cv[a] += C[a][b] * v[b];
    let lambda = 0;
    for (let a = 0; a < d; a++) lambda += v[a] * Cv[a];
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C[a][b] -= lambda * v[a] * v[b];
  }
  return tf.tensor2d(out);
}
