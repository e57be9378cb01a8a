// Held-out wrong variant: each sample is recorded before the accept/reject step (so x0 is the first sample and the final state is never emitted) instead of recording the state after the step.
import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const eps = noise.dataSync();
  const u = uniforms.dataSync();
  const T = eps.length;
  const logp = (x: number) => {
    let s = 0;
    for (let j = coeffs.length - 1; j >= 0; j--) s = s * x + coeffs[j];
    return s;
  };
  const out: number[] = [];
  let x = x0;
  let lx = logp(x);
  for (let t = 0; t < T; t++) {
    if (t >= burnIn) out.push(x);
    const xp = x + proposalStd * eps[t];
    const lxp = logp(xp);
    if (Math.log(u[t]) < lxp - lx) {
      x = xp;
      lx = lxp;
    }
  }
  return tf.tensor1d(out);
}
