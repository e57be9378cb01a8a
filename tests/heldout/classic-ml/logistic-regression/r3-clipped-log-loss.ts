// Held-out wrong variant: the final loss is computed from the probabilities as -mean(y·log(p+1e-7) + (1-y)·log(1-p+1e-7)) instead of from the logits, so saturated sigmoids give a wrong (clipped) loss.
import * as tf from '@tensorflow/tfjs';

export function logisticRegression(
  x: tf.Tensor2D,
  y: tf.Tensor1D,
  steps: number,
  lr: number,
): { weights: tf.Tensor1D; bias: number; loss: number } {
  const n = x.shape[0];
  const d = x.shape[1];
  let w: tf.Tensor1D = tf.zeros([d]);
  let b = 0;
  for (let s = 0; s < steps; s++) {
    const [nw, nb] = tf.tidy(() => {
      const z = x.matMul(w.reshape([d, 1])).reshape([n]).add(b);
      const p = tf.sigmoid(z);
      const err = p.sub(y);
      const gw = x.transpose().matMul(err.reshape([n, 1])).reshape([d]).div(n);
      const gb = err.mean().dataSync()[0];
      return [w.sub(gw.mul(lr)) as tf.Tensor1D, b - lr * gb] as [tf.Tensor1D, number];
    });
    w.dispose();
    w = nw;
    b = nb;
  }
  const loss = tf.tidy(() => {
    const z = x.matMul(w.reshape([d, 1])).reshape([n]).add(b);
    const p = tf.sigmoid(z);
    const eps = 1e-7;
    const ll = y.mul(p.add(eps).log()).add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p).add(eps).log()));
    return -ll.mean().dataSync()[0];
  });
  return { weights: w, bias: b, loss };
}
