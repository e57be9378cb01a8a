// Held-out wrong variant: pushes the proposal x' as the sample at every step, even when it is rejected (the state itself is handled correctly).
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
    if (Math.log(u[t]) < lxp - lx) {
      x = xp;
      lx = lxp;
    }
    samples.push(xp);
  }
  return tf.tensor1d(samples.slice(burnIn));
}
