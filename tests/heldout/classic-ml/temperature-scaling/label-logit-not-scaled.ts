// Held-out wrong variant: does not divide the true-class logit by T (NLL = lse(z/T) - z_y), so the derivative loses its -z_y term.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const Z = logits.arraySync();
  const Y = labels.arraySync();
  const n = Z.length;

  // derivative of the mean NLL with respect to beta (stable: subtract the row max before exp)
  const slope = (beta: number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = Z[i];
      let m = -Infinity;
      for (const z of row) m = Math.max(m, z);
      let denom = 0;
      let weighted = 0;
      for (const z of row) {
        const e = Math.exp(beta * (z - m));
        denom += e;
        weighted += e * (z - m);
      }
      // shift by m cancels: E[z - m] - (z_y - m) = E[z] - z_y
      total += weighted / denom;
    }
    return total / n;
  };

  // beta in (1/100, 1/0.01); search in log beta
  let lo = Math.log(1 / 100);
  let hi = Math.log(1 / 0.01);
  for (let it = 0; it < 200; it++) {
    const mid = (lo + hi) / 2;
    if (slope(Math.exp(mid)) < 0) lo = mid; // still descending: the minimum is at larger beta
    else hi = mid;
  }
  return 1 / Math.exp((lo + hi) / 2);
}
