import * as tf from '@tensorflow/tfjs';

/** Per-problem loop in float64: the ratio C(n−c,k)/C(n,k) as a running product of (1 − k/i). */
export function passAtK(n: tf.Tensor1D, c: tf.Tensor1D, k: number): { perProblem: tf.Tensor1D; mean: tf.Scalar } {
  const N = n.dataSync();
  const C = c.dataSync();
  const out = new Float32Array(N.length);
  let total = 0;
  for (let p = 0; p < N.length; p++) {
    const np = N[p];
    const cp = C[p];
    let v: number;
    if (np - cp < k) v = 1;
    else if (cp === 0) v = 0;
    else {
      let ratio = 1;
      for (let i = np - cp + 1; i <= np; i++) ratio *= 1 - k / i;
      v = 1 - ratio;
    }
    out[p] = v;
    total += v;
  }
  return { perProblem: tf.tensor1d(out, 'float32'), mean: tf.scalar(total / N.length, 'float32') };
}
