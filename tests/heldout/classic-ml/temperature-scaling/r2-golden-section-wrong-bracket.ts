// Held-out wrong variant: the golden-section update keeps the wrong side of the bracket (drops the side with the lower NLL), so it drifts away from the minimum.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const c = logits.shape[1];
  const onehot = tf.oneHot(labels.toInt(), c).toFloat();
  const nll = (T: number): number =>
    tf.tidy(() => tf.logSoftmax(logits.div(T), 1).mul(onehot).sum(1).mean().neg().dataSync()[0]);
  let a = Math.log(0.01);
  let b = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = b - g * (b - a);
  let x2 = a + g * (b - a);
  let f1 = nll(Math.exp(x1));
  let f2 = nll(Math.exp(x2));
  for (let it = 0; it < 80; it++) {
    if (f1 > f2) {
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
