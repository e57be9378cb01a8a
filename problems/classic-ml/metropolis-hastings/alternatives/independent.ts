// Style: a plain float64 JavaScript loop over the random arrays (read once with dataSync()),
// with the log-density evaluated by Horner's rule; only the kept samples become a tensor.
import * as tf from '@tensorflow/tfjs';

function logDensity(coeffs: number[], x: number): number {
  let acc = 0;
  for (let j = coeffs.length - 1; j >= 0; j--) acc = acc * x + coeffs[j];
  return acc;
}

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
  let x = x0;
  let logPx = logDensity(coeffs, x);
  const samples: number[] = [];
  for (let t = 0; t < T; t++) {
    const proposal = x + proposalStd * eps[t];
    const logPProposal = logDensity(coeffs, proposal);
    if (Math.log(u[t]) < logPProposal - logPx) {
      x = proposal;
      logPx = logPProposal;
    }
    if (t >= burnIn) samples.push(x);
  }
  return tf.tensor1d(samples, 'float32');
}
