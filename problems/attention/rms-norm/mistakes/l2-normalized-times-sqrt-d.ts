import * as tf from '@tensorflow/tfjs';

// x: [..., d], gamma: [d]. Scales each row by the reciprocal of its root mean square.
export function rmsNorm(x: tf.Tensor, gamma: tf.Tensor, eps: number): tf.Tensor {
  return tf.tidy(() => {
    // Bug: x/√(Σx² + eps)·√d: eps is added to the sum of squares, so it acts as eps/d on the mean square.
    const d = x.shape[x.shape.length - 1];
    const sumSquare = tf.sum(tf.square(x), -1, true);
    return tf.mul(tf.mul(x, tf.rsqrt(tf.add(sumSquare, eps))).mul(Math.sqrt(d)), gamma);
  });
}
