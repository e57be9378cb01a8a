// Held-out wrong variant: the NLL subtracts the raw label logit z_{i,y_i} instead of z_{i,y_i}/T, so only the log-sum-exp term is temperature-scaled.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const c = logits.shape[1];
  const picked = tf.tidy(() => logits.mul(tf.oneHot(labels.toInt(), c)).sum(1));
  const nll = (T: number): number =>
    tf.tidy(() => {
      const s = logits.div(T);
      const lse = tf.logSumExp(s, 1);
      return lse.sub(picked).mean().dataSync()[0];
    });
  // coarse grid over log T, then golden-section refinement around the best grid point
  const lo = Math.log(0.01);
  const hi = Math.log(100);
  const G = 200;
  let bestI = 0;
  let bestV = Infinity;
  for (let i = 0; i <= G; i++) {
    const v = nll(Math.exp(lo + ((hi - lo) * i) / G));
    if (v < bestV) {
      bestV = v;
      bestI = i;
    }
  }
  const step = (hi - lo) / G;
  let a = lo + step * Math.max(0, bestI - 1);
  let b = lo + step * Math.min(G, bestI + 1);
  const r = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 60; it++) {
    const x1 = b - r * (b - a);
    const x2 = a + r * (b - a);
    if (nll(Math.exp(x1)) < nll(Math.exp(x2))) b = x2;
    else a = x1;
  }
  picked.dispose();
  return Math.exp((a + b) / 2);
}
