// Held-out wrong variant: the variance is computed in one pass as mean(x^2) - mean(x)^2, which loses all precision in float32 for rows with a large mean.
import * as tf from '@tensorflow/tfjs';

export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const meanSq = tf.mean(tf.square(x), -1, true);
    const variance = tf.relu(meanSq.sub(mean.square()));
    const normed = x.sub(mean).mul(tf.rsqrt(variance.add(eps)));
    return normed.mul(gamma).add(beta);
  });
}
