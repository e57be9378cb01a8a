import * as tf from '@tensorflow/tfjs';

export function fitTemperature(logits: tf.Tensor2D, labels: tf.Tensor1D): number {
  const z = logits.arraySync();
  const y = labels.arraySync();
  // Bug: minimises the error rate, which does not depend on T at all (argmax is scale-invariant).
  const nll = (t: number) => {
    let wrong = 0;
    z.forEach((row, i) => {
      const scaled = row.map((v) => v / t);
      if (scaled.indexOf(Math.max(...scaled)) !== y[i]) wrong++;
    });
    return wrong / z.length;
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
  return Math.exp((lo + hi) / 2);
}
