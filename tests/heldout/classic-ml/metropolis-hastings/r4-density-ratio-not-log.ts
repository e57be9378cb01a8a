// Held-out wrong variant: the acceptance test compares u against exp(log p̃(x')) / exp(log p̃(x)) in probability space, which underflows to 0/0 = NaN (always reject) when the log-density is around -1000.
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
  const samples: number[] = [];
  let x = x0;
  eps.forEach((e, t) => {
    const proposal = x + proposalStd * e;
    const ratio = ptilde(proposal) / ptilde(x);
    if (u[t] < ratio) x = proposal;
    samples.push(x);
  });
  return tf.tensor1d(samples.slice(burnIn));
}
