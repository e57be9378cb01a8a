// Held-out wrong variant: Horner's rule runs over coeffs from index 0 upward, so coeffs[0] is treated as the leading (highest-power) coefficient, i.e. the polynomial's coefficients are reversed.
import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const eps = noise.arraySync();
  const logU = uniforms.arraySync().map(Math.log);
  const logp = (x: number) => coeffs.reduce((acc, c) => acc * x + c, 0);
  const T = eps.length;
  const out = new Float64Array(T - burnIn);
  let x = x0;
  for (let t = 0; t < T; t++) {
    const xp = x + proposalStd * eps[t];
    if (logU[t] < logp(xp) - logp(x)) x = xp;
    if (t >= burnIn) out[t - burnIn] = x;
  }
  return tf.tensor1d(Array.from(out));
}
