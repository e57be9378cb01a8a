// Held-out wrong variant: the data are centred by subtracting each row's mean (mean over axis 1) instead of the column means (mean over axis 0).
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const d = x.shape[1];
    const xc = x.sub(x.mean(1, true));
    let C = xc.transpose().matMul(xc).div(n - 1) as tf.Tensor2D;
    const v0 = init.div(init.norm()).reshape([d, 1]);
    const rows: tf.Tensor1D[] = [];
    for (let i = 0; i < k; i++) {
      let v = v0 as tf.Tensor2D;
      for (let it = 0; it < iterations; it++) {
        const cv = C.matMul(v);
        v = cv.div(cv.norm());
      }
      const flat = v.reshape([d]) as tf.Tensor1D;
      const vals = flat.dataSync();
      let arg = 0;
      for (let t = 1; t < d; t++) if (Math.abs(vals[t]) > Math.abs(vals[arg])) arg = t;
      const signed = (vals[arg] < 0 ? flat.neg() : flat) as tf.Tensor1D;
      rows.push(signed);
      const col = signed.reshape([d, 1]);
      const lambda = col.transpose().matMul(C).matMul(col).reshape([]);
      C = C.sub(col.matMul(col.transpose()).mul(lambda));
    }
    return tf.stack(rows) as tf.Tensor2D;
  });
}
