import * as tf from '@tensorflow/tfjs';

// x: any shape, u: same shape, uniforms in [0, 1); p: drop probability in [0, 1).
export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // At evaluation time inverted dropout is the identity: the scaling already happened in training.
  if (!training) return x.clone();
  return tf.tidy(() => {
    const keep = tf.greaterEqual(u, 1 - p).cast('float32'); // Bug: compares u with the keep probability 1 − p
    return x.mul(keep).div(1 - p); // rescale so E[output] = x
  });
}
