import * as tf from '@tensorflow/tfjs';

// x: [n, d] data, k components, init: [d] starting vector, iterations per component.
export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const rows = x.arraySync();
  const start = init.arraySync();
  const [n, d] = x.shape;
  // Centre the columns, then form the sample covariance C = XcᵀXc / (n − 1).
  const mean = new Array(d).fill(0);
  // Bug: one mean over every entry of x (no axis) instead of a mean per feature column.
  const all = rows.reduce((s, r) => s + r.reduce((t, v) => t + v, 0), 0) / (n * d);
  mean.fill(all);
  const xc = rows.map((r) => r.map((v, j) => v - mean[j]));
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => xc.reduce((s, r) => s + r[a] * r[b], 0) / Math.max(n - 1, 1)),
  );
  const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, c, j) => s + c * v[j], 0));
  const normalize = (v: number[]) => {
    const norm = Math.hypot(...v);
    return v.map((c) => c / norm);
  };
  const components: number[][] = [];
  for (let c = 0; c < k; c++) {
    let v = normalize(start);
    for (let it = 0; it < iterations; it++) v = normalize(matVec(cov, v));
    // Sign convention: the entry with the largest magnitude is positive.
    const big = v.reduce((best, val, j) => (Math.abs(val) > Math.abs(v[best]) ? j : best), 0);
    if (v[big] < 0) v = v.map((val) => -val);
    components.push(v);
    // Deflate: remove the found direction, C ← C − λ v vᵀ with λ = vᵀCv.
    const lambda = matVec(cov, v).reduce((s, val, j) => s + val * v[j], 0);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) cov[a][b] -= lambda * v[a] * v[b];
  }
  return tf.tensor2d(components, [k, d]);
}
