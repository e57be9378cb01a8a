import * as tf from '@tensorflow/tfjs';

// Stable softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^{-|x|}), in double precision.
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

function mean(xs: number[], f: (v: number) => number): number {
  let s = 0;
  for (const v of xs) s += f(v);
  return s / xs.length;
}

/**
 * Independent solution: host-side loops with a stable softplus.
 *   −log σ(ℓ) = softplus(−ℓ),  −log(1 − σ(ℓ)) = softplus(ℓ).
 */
export function ganLosses(
  realLogits: tf.Tensor1D,
  fakeLogits: tf.Tensor1D,
): { discriminator: tf.Scalar; generatorMinimax: tf.Scalar; generatorNonSaturating: tf.Scalar } {
  const r = realLogits.arraySync();
  const f = fakeLogits.arraySync();
  const realTerm = mean(r, (v) => softplus(-v)); // −mean log D(real)
  const fakeTerm = mean(f, (v) => softplus(v)); // −mean log(1 − D(fake))
  const nsTerm = mean(f, (v) => softplus(-v)); // −mean log D(fake)
  return {
    discriminator: tf.scalar(realTerm + fakeTerm, 'float32'),
    generatorMinimax: tf.scalar(-fakeTerm, 'float32'),
    generatorNonSaturating: tf.scalar(nsTerm, 'float32'),
  };
}
