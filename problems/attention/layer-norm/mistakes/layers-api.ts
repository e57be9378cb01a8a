import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  // Uses the built-in layer instead of implementing the normalization.
  const d = x.shape[x.shape.length - 1];
  const layer = tf.layers.layerNormalization({ axis: -1, epsilon: eps, gammaInitializer: 'ones', betaInitializer: 'zeros' });
  const y = layer.apply(x) as tf.Tensor;
  return tf.tidy(() => y.mul(gamma.reshape([d])).add(beta));
}
