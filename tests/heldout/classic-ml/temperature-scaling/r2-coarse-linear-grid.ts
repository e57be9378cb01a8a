// Held-out wrong variant: replaces the search with a linear grid T = 0.1, 0.2, ..., 10 and returns the best grid point, which is too coarse (and too narrow) to land within 1% of the optimum.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const c = logits.shape[1];
  const onehot = tf.oneHot(labels.toInt(), c).toFloat();
  const nll = (T: number): number =>
    tf.tidy(() => tf.logSoftmax(logits.div(T), 1).mul(onehot).sum(1).mean().neg().dataSync()[0]);
  let bestT = 0.1;
  let bestF = Infinity;
  for (let i = 1; i <= 100; i++) {
    const T = i / 10;
    const f = nll(T);
    if (f < bestF) { bestF = f; bestT = T; }
  }
  onehot.dispose();
  return bestT;
  let a = Math.log(0.01);
  let b = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = nll(Math.exp(x1));
  let f2 = nll(Math.exp(x2));
  for (let it = 0; it < 80; it++) {
    if (f1 < f2) {
      b = x2; x2 = x1; f2 = f1;
      x1 = b - g * (b - a); f1 = nll(Math.exp(x1));
    } else {
      a = x1; x1 = x2; f1 = f2;
      x2 = a + g * (b - a); f2 = nll(Math.exp(x2));
    }
  }
  onehot.dispose();
  return Math.exp((a + b) / 2);
}
