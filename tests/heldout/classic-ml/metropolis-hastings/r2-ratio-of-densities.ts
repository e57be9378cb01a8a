// Held-out wrong variant: accepts by comparing u with exp(log p(x')) / exp(log p(x)) in linear space, which is 0/0 = NaN (always reject) once the log-density is around -1000.
import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const logp = (x: number) => coeffs.reduce((s, c, j) => s + c * x ** j, 0);
  const z = noise.arraySync() as number[];
  const u = uniforms.arraySync() as number[];
  const T = z.length;
  const samples: number[] = [];
  let x = x0;
  let lx = logp(x);
  for (let t = 0; t < T; t++) {
    const xp = x + proposalStd * z[t];
    const lxp = logp(xp);
    if (u[t] < Math.exp(lxp) / Math.exp(lx)) {
      x = xp;
      lx = lxp;
    }
    samples.push(x);
  }
  return tf.tensor1d(samples.slice(burnIn));
}
