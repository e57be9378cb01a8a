// Held-out wrong variant: the data is not centred, so the "covariance" is XᵀX/(n−1) of the raw data (the mean is never subtracted).
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  const n = x.shape[0];
  const d = x.shape[1];
  let C = tf.tidy(() => x.transpose().matMul(x).div(n - 1)) as tf.Tensor2D;
  const comps: tf.Tensor1D[] = [];
  for (let i = 0; i < k; i++) {
    let v = tf.tidy(() => init.div(init.norm())) as tf.Tensor1D;
    for (let it = 0; it < iterations; it++) {
      const nv = tf.tidy(() => {
        const cv = C.matMul(v.reshape([d, 1])).reshape([d]);
        return cv.div(cv.norm()) as tf.Tensor1D;
      });
      v.dispose();
      v = nv;
    }
    const flipped = tf.tidy(() => {
      const arr = v.arraySync();
      let m = 0;
      for (let t = 1; t < d; t++) if (Math.abs(arr[t]) > Math.abs(arr[m])) m = t;
      return arr[m] < 0 ? v.neg() : v.clone();
    }) as tf.Tensor1D;
    v.dispose();
    comps.push(flipped);
    const nC = tf.tidy(() => {
      const col = flipped.reshape([d, 1]);
      const lambda = col.transpose().matMul(C).matMul(col).reshape([]);
      return C.sub(col.matMul(col.transpose()).mul(lambda)) as tf.Tensor2D;
    });
    C.dispose();
    C = nC;
  }
  C.dispose();
  const out = tf.stack(comps) as tf.Tensor2D;
  comps.forEach((c) => c.dispose());
  return out;
}
