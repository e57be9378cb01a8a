import * as tf from '@tensorflow/tfjs';

// x: any shape, u: same shape, uniforms in [0, 1); p: drop probability in [0, 1).
export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // At evaluation time inverted dropout is the identity: the scaling already happened in training.
  if (!training) return x.clone();
  return tf.tidy(() => {
    const keep = tf.greaterEqual(u, p).cast('float32'); // kept with probability 1 − p
    return x.div(1 - p); // Bug: rescales but never multiplies by the mask
  });
}
