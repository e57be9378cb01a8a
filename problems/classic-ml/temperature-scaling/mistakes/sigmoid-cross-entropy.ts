import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const [, c] = logits.shape;
  const oneHot = tf.oneHot(labels.toInt(), c);
  const nll = (t: number): number =>
    tf.tidy(() => {
      // Bug: per-class binary (sigmoid) cross-entropy against the one-hot labels instead of the softmax NLL.
      const s = logits.div(t);
      const bce = tf.softplus(s).sub(s.mul(oneHot));
      return bce.sum(1).mean().dataSync()[0];
    });
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  for (let it = 0; it < 80; it++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  oneHot.dispose();
  return Math.exp((lo + hi) / 2);
}
