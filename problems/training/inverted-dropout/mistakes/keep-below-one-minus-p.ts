import * as tf from '@tensorflow/tfjs';

// x: any shape, u: same shape, uniforms in [0, 1); p: drop probability in [0, 1).
export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  // At evaluation time inverted dropout is the identity: the scaling already happened in training.
  if (!training) return x.clone();
  return tf.tidy(() => {
    // Bug: keeps when u < 1 − p. Also kept with probability 1 − p, but not the stated rule u ≥ p,
    // so it keeps and drops different elements.
    const keep = tf.less(u, 1 - p).cast('float32');
    return x.mul(keep).div(1 - p); // rescale so E[output] = x
  });
}
