// Held-out wrong variant: eps is added to the standard deviation, sqrt(var) + eps, instead of inside the square root.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const axis = x.rank - 1;
    const { mean, variance } = tf.moments(x, axis, true);
    const std = tf.sqrt(variance).add(eps);
    return x.sub(mean).div(std).mul(gamma).add(beta);
  });
}
