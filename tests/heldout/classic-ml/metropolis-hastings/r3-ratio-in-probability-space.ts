// Held-out wrong variant: the acceptance test compares uniforms[t] with exp(log p̃(x')) / exp(log p̃(x)) in probability space, which underflows to 0/0 = NaN (always reject) for very negative log-densities.
import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const eps = Array.from(noise.dataSync());
  const u = Array.from(uniforms.dataSync());
  const ptilde = (x: number) => Math.exp(coeffs.reduce((s, c, j) => s + c * Math.pow(x, j), 0));
  let x = x0;
  const out: number[] = [];
  for (let t = 0; t < eps.length; t++) {
    const xp = x + proposalStd * eps[t];
    const ratio = ptilde(xp) / ptilde(x);
    if (u[t] < ratio) x = xp;
    if (t >= burnIn) out.push(x);
  }
  return tf.tensor1d(out);
}
