// Held-out wrong variant: the bias gradient is computed from probabilities recomputed after the weights were already updated in the same step, instead of from the pre-step parameters.
import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const n = x.shape[0];
  let w = tf.zeros([x.shape[1]]) as tf.Tensor1D;
  let b = tf.scalar(0);
  const logits = (wt: tf.Tensor1D, bt: tf.Scalar) => x.matMul(wt.expandDims(1)).squeeze([1]).add(bt);
  for (let s = 0; s < steps; s++) {
    const nw = tf.tidy(() => {
      const err = tf.sigmoid(logits(w, b)).sub(y);
      return w.sub(x.transpose().matMul(err.expandDims(1)).squeeze([1]).mul(lr / n)) as tf.Tensor1D;
    });
    w.dispose();
    w = nw;
    const nb = tf.tidy(() => {
      const err = tf.sigmoid(logits(w, b)).sub(y);
      return b.sub(err.mean().mul(lr)) as tf.Scalar;
    });
    b.dispose();
    b = nb;
  }
  const loss = tf.tidy(() => {
    const z = logits(w, b);
    return tf.softplus(z).sub(y.mul(z)).mean().dataSync()[0];
  });
  const bias = b.dataSync()[0];
  b.dispose();
  return { weights: w, bias, loss };
}
