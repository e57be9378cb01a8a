// Held-out wrong variant: deflation subtracts v vᵀ without the eigenvalue factor (C ← C − v vᵀ instead of C − λ v vᵀ).
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const d = x.shape[1];
  const n = x.shape[0];
  let cov = tf.tidy(() => {
    const xc = x.sub(x.mean(0));
    return tf.matMul(xc, xc, true, false).div(n - 1) as tf.Tensor2D;
  });
  const comps: number[][] = [];
  for (let i = 0; i < k; i++) {
    let v = tf.tidy(() => init.div(init.norm()) as tf.Tensor1D);
    for (let it = 0; it < iterations; it++) {
      const next = tf.tidy(() => {
        const cv = cov.matMul(v.reshape([d, 1])).reshape([d]);
        return cv.div(cv.norm()) as tf.Tensor1D;
      });
      v.dispose();
      v = next;
    }
    let arr = Array.from(v.dataSync());
    v.dispose();
    let idx = 0;
    arr.forEach((a, j) => {
      if (Math.abs(a) > Math.abs(arr[idx])) idx = j;
    });
    if (arr[idx] < 0) arr = arr.map((a) => -a);
    comps.push(arr);
    const next = tf.tidy(() => {
      const vv = tf.tensor2d(arr, [d, 1]);
      return cov.sub(vv.matMul(vv.transpose())) as tf.Tensor2D;
    });
    cov.dispose();
    cov = next;
  }
  cov.dispose();
  return tf.tensor2d(comps, [k, d]);
}
