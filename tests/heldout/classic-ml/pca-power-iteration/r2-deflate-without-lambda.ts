// Held-out wrong variant: deflates with C - v v^T, forgetting to scale the projection by the eigenvalue lambda = v^T C v.
import * as tf from '@tensorflow/tfjs';

export function pcaPowerIteration(x: tf.Tensor2D, k: number, init: tf.Tensor1D, iterations: number): tf.Tensor2D {
  return tf.tidy(() => {
    const n = x.shape[0];
    const xc = x.sub(x.mean(0, true));
    let C = xc.transpose().matMul(xc).div(n - 1) as tf.Tensor2D;
    const v0 = init.div(init.norm());
    const comps: tf.Tensor1D[] = [];
    for (let i = 0; i < k; i++) {
      let v = v0.expandDims(1) as tf.Tensor2D;
      for (let it = 0; it < iterations; it++) {
        const cv = C.matMul(v);
        v = cv.div(cv.norm()) as tf.Tensor2D;
      }
      const flat = v.squeeze([1]) as tf.Tensor1D;
      const idx = flat.abs().argMax().dataSync()[0];
      const sign = flat.dataSync()[idx] < 0 ? -1 : 1;
      const vs = flat.mul(sign) as tf.Tensor1D;
      comps.push(vs);
      const col = vs.expandDims(1);
      const lambda = col.transpose().matMul(C.matMul(col)).squeeze();
      C = C.sub(col.matMul(col.transpose())) as tf.Tensor2D;
    }
    return tf.stack(comps) as tf.Tensor2D;
  });
}
