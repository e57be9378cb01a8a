// Held-out wrong variant: within each step the weights are updated first and p is recomputed with the new weights before the bias gradient, instead of both gradients using p from the parameters before the step.
import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const n = x.shape[0];
  let w: tf.Tensor1D = tf.zeros([x.shape[1]]);
  let b: tf.Scalar = tf.scalar(0);
  const predict = (wt: tf.Tensor1D, bt: tf.Scalar) => tf.sigmoid(x.matMul(wt.expandDims(1)).squeeze([1]).add(bt));
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const err = predict(w, b).sub(y);
      const gradW = err.expandDims(0).matMul(x).squeeze([0]).div(n);
      const w2 = w.sub(gradW.mul(lr)) as tf.Tensor1D;
      const err2 = predict(w2, b).sub(y);
      const b2 = b.sub(err2.mean().mul(lr)) as tf.Scalar;
      return [w2, b2];
    });
    w.dispose();
    b.dispose();
    w = nw as tf.Tensor1D;
    b = nb as tf.Scalar;
  }
  const loss = tf.tidy(() => {
    const z = x.matMul(w.expandDims(1)).squeeze([1]).add(b);
    return tf.softplus(z).sub(y.mul(z)).mean().dataSync()[0];
  });
  const bias = b.dataSync()[0];
  b.dispose();
  return { weights: w, bias, loss };
}
