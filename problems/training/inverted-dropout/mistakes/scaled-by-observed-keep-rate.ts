import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  return tf.tidy(() => {
    const keep = tf.greaterEqual(u, p).cast('float32');
    // Bug: divides by the fraction of elements actually kept in this tensor instead of by 1 − p.
    return x.mul(keep).div(keep.mean());
  });
}
