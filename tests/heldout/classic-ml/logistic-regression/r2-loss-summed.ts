// Held-out wrong variant: reports the summed binary cross-entropy over the samples instead of the mean.
import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const [n, d] = x.shape;
  let w = tf.zeros([d]) as tf.Tensor1D;
  let b = 0;
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const z = x.matMul(w.expandDims(1)).squeeze([1]).add(b);
      const err = tf.sigmoid(z).sub(y);
      const gw = x.transpose().matMul(err.expandDims(1)).squeeze([1]).div(n);
      const gb = err.mean();
      return [w.sub(gw.mul(lr)), gb.dataSync()[0]] as [tf.Tensor1D, number];
    });
    w.dispose();
    w = nw;
    b = b - lr * nb;
  }
  const loss = tf.tidy(() => {
    const z = x.matMul(w.expandDims(1)).squeeze([1]).add(b);
    return tf.softplus(z).sub(y.mul(z)).sum().dataSync()[0];
  });
  return { weights: w, bias: b, loss };
}
