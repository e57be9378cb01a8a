// Held-out wrong variant: the log acceptance ratio is computed as log p̃(x) − log p̃(x') (sign flipped), so moves downhill are favoured and uphill moves are often rejected.
import * as tf from '@tensorflow/tfjs';

export function metropolisHastings(
  coeffs: number[],
  x0: number,
  proposalStd: number,
  noise: tf.Tensor1D,
  uniforms: tf.Tensor1D,
  burnIn: number,
): tf.Tensor1D {
  const z = noise.arraySync();
  const logU = tf.tidy(() => uniforms.log().arraySync());
  const logTarget = (x: number): number => {
    let acc = 0;
    let pow = 1;
    for (const c of coeffs) {
      acc += c * pow;
      pow *= x;
    }
    return acc;
  };
  const T = z.length;
  const chain = new Float32Array(T - burnIn);
  let x = x0;
  for (let t = 0; t < T; t++) {
    const cand = x + proposalStd * z[t];
    const logAlpha = logTarget(x) - logTarget(cand);
    if (logU[t] < logAlpha) x = cand;
    if (t >= burnIn) chain[t - burnIn] = x;
  }
  return tf.tensor1d(chain);
}
