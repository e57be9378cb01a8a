// Held-out wrong variant: the golden-section search keeps the wrong bracket (it discards the side with the smaller NLL), so it converges to an end of the search interval instead of the minimiser.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const Z = logits.arraySync();
  const y = labels.arraySync();
  const nll = (T: number) => {
    let total = 0;
    for (let i = 0; i < Z.length; i++) {
      const row = Z[i].map((z) => z / T);
      const m = Math.max(...row);
      let s = 0;
      for (const v of row) s += Math.exp(v - m);
      total += m + Math.log(s) - row[y[i]];
    }
    return total / Z.length;
  };
  const r = (Math.sqrt(5) - 1) / 2;
  let lo = Math.log(0.01);
  let hi = Math.log(100);
  for (let it = 0; it < 80; it++) {
    const a = hi - r * (hi - lo);
    const b = lo + r * (hi - lo);
    if (nll(Math.exp(a)) < nll(Math.exp(b))) lo = a;
    else hi = b;
  }
  return Math.exp((lo + hi) / 2);
}
