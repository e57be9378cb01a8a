// Held-out wrong variant: the variance is computed in one pass as E[x^2] - E[x]^2 in float32, which loses all precision on rows with a large mean.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = x.mean(-1, true);
    const meanSq = x.square().mean(-1, true);
    const variance = meanSq.sub(mean.square()).relu();
    return x.sub(mean).div(variance.add(eps).sqrt()).mul(gamma).add(beta);
  });
}
