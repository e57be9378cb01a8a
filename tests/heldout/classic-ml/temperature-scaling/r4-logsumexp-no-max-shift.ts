// Held-out wrong variant: the log-sum-exp is computed directly as log(Σ exp(z/T)) without subtracting the row maximum, so it underflows to log(0) = -Infinity for logits with a large negative offset.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const Z = logits.arraySync();
  const Y = labels.arraySync();
  const n = Z.length;
  const nll = (T: number): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (const z of Z[i]) s += Math.exp(z / T);
      total += Math.log(s) - Z[i][Y[i]] / T;
    }
    return total / n;
  };
  // golden-section search over u = log T
  let a = Math.log(0.01);
  let b = Math.log(100);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = nll(Math.exp(c));
  let fd = nll(Math.exp(d));
  for (let it = 0; it < 80; it++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = nll(Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = nll(Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}
