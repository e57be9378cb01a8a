// Held-out wrong variant: the NLL subtracts the raw true-class logit z_{i,y} instead of z_{i,y}/T (the temperature is applied only inside the log-sum-exp).
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const c = logits.shape[1];
  const trueLogit = tf.tidy(() => logits.mul(tf.oneHot(labels.toInt(), c)).sum(1));
  const nll = (T: number): number =>
    tf.tidy(() => {
      const s = logits.div(T);
      const lse = tf.logSumExp(s, 1);
      return lse.sub(trueLogit).mean().dataSync()[0];
    });
  // coarse grid over log T, then golden-section refinement around the best grid point
  const lo0 = Math.log(0.01);
  const hi0 = Math.log(100);
  const G = 200;
  let bestU = lo0;
  let bestF = Infinity;
  for (let g = 0; g <= G; g++) {
    const u = lo0 + ((hi0 - lo0) * g) / G;
    const f = nll(Math.exp(u));
    if (f < bestF) {
      bestF = f;
      bestU = u;
    }
  }
  const step = (hi0 - lo0) / G;
  let lo = bestU - step;
  let hi = bestU + step;
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const a = hi - r * (hi - lo);
    const b = lo + r * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) hi = b;
    else lo = a;
  }
  trueLogit.dispose();
  return Math.exp((lo + hi) / 2);
}
