// Held-out wrong variant: each step records the state before the accept/reject decision (so the chain starts with x0 and the final state is never returned) instead of the state after the step.
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
  const u = uniforms.arraySync();
  const T = eps.length;
  const logp = (x: number) => {
    let acc = 0;
    for (let j = coeffs.length - 1; j >= 0; j--) acc = acc * x + coeffs[j];
    return acc;
  };
  let x = x0;
  let lx = logp(x);
  const samples: number[] = [];
  for (let t = 0; t < T; t++) {
    if (t >= burnIn) samples.push(x);
    const xp = x + proposalStd * eps[t];
    const lxp = logp(xp);
    if (Math.log(u[t]) < lxp - lx) {
      x = xp;
      lx = lxp;
    }
  }
  return tf.tensor1d(samples);
}
