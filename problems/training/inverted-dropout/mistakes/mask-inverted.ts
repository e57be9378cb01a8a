import * as tf from '@tensorflow/tfjs';

export function invertedDropout(x: tf.Tensor, u: tf.Tensor, p: number, training: boolean): tf.Tensor {
  if (!training) return x.clone();
  return tf.tidy(() => {
    const keep = tf.less(u, p).cast('float32'); // Bug: keeps exactly the elements that should be dropped (u < p)
    return x.mul(keep).div(1 - p);
  });
}
