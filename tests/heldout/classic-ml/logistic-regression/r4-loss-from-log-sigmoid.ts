// Held-out wrong variant: the final loss is computed as -mean(y·log p + (1-y)·log(1-p)) from the saturated sigmoid instead of from the logits, so it becomes infinite/NaN when p rounds to exactly 0 or 1.
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
    const [nw, gb] = tf.tidy(() => {
      const z = x.matMul(w.reshape([d, 1])).reshape([n]).add(b);
      const r = tf.sigmoid(z).sub(y);
      const gw = x.transpose().matMul(r.reshape([n, 1])).reshape([d]).div(n);
      return [w.sub(gw.mul(lr)) as tf.Tensor1D, r.mean().dataSync()[0]];
    }) as [tf.Tensor1D, number];
    w.dispose();
    w = nw;
    b = b - lr * gb;
  }
  const loss = tf.tidy(() => {
    const z = x.matMul(w.reshape([d, 1])).reshape([n]).add(b);
    const p = tf.sigmoid(z);
    const ll = y.mul(p.log()).add(tf.scalar(1).sub(y).mul(tf.scalar(1).sub(p).log()));
    return ll.mean().neg().dataSync()[0];
  });
  return { weights: w, bias: b, loss };
}
