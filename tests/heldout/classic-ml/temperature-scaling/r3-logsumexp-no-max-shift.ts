// Held-out wrong variant: the log-sum-exp is computed directly as log(Σ exp(z/T)) without subtracting the row maximum, so it underflows to -Infinity for large negative logits.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const Z = logits.arraySync();
  const y = labels.arraySync();
  const n = Z.length;
  const nll = (T: number) => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const z of Z[i]) s += Math.exp(z / T);
      total += Math.log(s) - Z[i][y[i]] / T;
    }
    return total / n;
  };
  const phi = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(Math.exp(a));
  let fb = nll(Math.exp(b));
  for (let it = 0; it < 80; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(Math.exp(a));
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(Math.exp(b));
    }
  }
  return Math.exp((lo + hi) / 2);
}
