// Held-out wrong variant: scales the update by alpha / sqrt(r) (the rsLoRA convention) instead of alpha / r.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const dIn = x.shape[x.shape.length - 1];
    const dOut = w.shape[1];
    const r = a.shape[1];
    const lead = x.shape.slice(0, -1);
    const x2 = tf.reshape(x, [-1, dIn]);
    const base = tf.matMul(x2, w as tf.Tensor2D);
    const update = tf.matMul(tf.matMul(x2, a as tf.Tensor2D), b as tf.Tensor2D);
    const y = tf.add(base, tf.mul(update, alpha / Math.sqrt(r)));
    return tf.reshape(y, [...lead, dOut]);
  });
}
