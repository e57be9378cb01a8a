import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const logp = (x: number) => coeffs.reduceRight((acc, c) => acc * x + c, 0); // Horner
  const z = noise.dataSync();
  const u = uniforms.dataSync();
  const samples: number[] = [];
  let x = x0;
  let lx = logp(x);
  for (let t = 0; t < z.length; t++) {
    const proposal = x + proposalStd * z[t];
    const lp = logp(proposal);
    // Symmetric proposal: accept with probability min(1, p̃(x') / p̃(x)), compared in log space.
    // Bug: compares u with the log-ratio itself instead of log u (or u with exp of the log-ratio).
    if (u[t] < lp - lx) {
      x = proposal;
      lx = lp;
    }
    // On rejection the chain stays where it is, and that repeated state is a sample too.
    if (t >= burnIn) samples.push(x);
  }
  return tf.tensor1d(samples);
}
