// Held-out wrong variant: the golden-section comparison is inverted (when f(x1) < f(x2) it discards the left part [a, x1] instead of the right part [x2, b]), so the search walks away from the minimum toward a bracket end.
import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const Z = logits.arraySync();
  const Y = labels.arraySync();
  const nll = (T: number): number => {
    let sum = 0;
    Z.forEach((row, i) => {
      const s = row.map((z) => z / T);
      const m = Math.max(...s);
      const lse = m + Math.log(s.reduce((acc, v) => acc + Math.exp(v - m), 0));
      sum += lse - s[Y[i]];
    });
    return sum / Z.length;
  };
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.01);
  let b = Math.log(100);
  for (let it = 0; it < 80; it++) {
    const x1 = b - phi * (b - a);
    const x2 = a + phi * (b - a);
    if (nll(Math.exp(x1)) < nll(Math.exp(x2))) {
      a = x1;
    } else {
      b = x2;
    }
  }
  return Math.exp(0.5 * (a + b));
}
