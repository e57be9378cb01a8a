import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  // Bug: treats p as the keep probability: keeps when u < p and scales by 1/p, so it drops with
  // probability 1 − p.
  return tf.tidy(() => x.mul(tf.less(u, p).cast('float32')).div(p));
}
