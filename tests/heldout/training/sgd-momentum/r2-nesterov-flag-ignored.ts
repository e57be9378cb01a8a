// Held-out wrong variant: always takes the classic momentum step p -= lr * v, ignoring the nesterov flag.
import * as tf from '@tensorflow/tfjs';

export function sgdMomentum(param: tf.Tensor, grads: tf.Tensor[], lr: number, momentum: number, nesterov: boolean) {
  return tf.tidy(() => {
    let p = param.clone();
    let v = tf.zerosLike(param);
    for (const g of grads) {
      v = tf.add(tf.mul(v, momentum), g);
      p = tf.sub(p, tf.mul(v, lr));
    }
    return { param: p, velocity: v };
  });
}
