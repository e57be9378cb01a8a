// Held-out wrong variant: reports the loss computed inside the loop from the pre-step logits, i.e. the loss before the last update instead of at the final parameters.
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
  let lastLoss = 0;
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const z = x.matMul(w.expandDims(1)).squeeze([1]).add(b);
      lastLoss = tf.softplus(z).sub(y.mul(z)).mean().dataSync()[0];
      const err = tf.sigmoid(z).sub(y);
      const gw = x.transpose().matMul(err.expandDims(1)).squeeze([1]).div(n);
      const gb = err.mean();
      return [w.sub(gw.mul(lr)), gb.dataSync()[0]] as [tf.Tensor1D, number];
    });
    w.dispose();
    w = nw;
    b = b - lr * nb;
  }
  const loss = lastLoss;
  return { weights: w, bias: b, loss };
}
