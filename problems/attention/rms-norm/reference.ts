import * as tf from '@tensorflow/tfjs';

// x: [..., d], gamma: [d]. Scales each row by the reciprocal of its root mean square.
export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    const meanSquare = tf.mean(tf.square(x), -1, true); // [..., 1], no mean subtraction
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, eps))), gamma);
  });
}
