// Held-out wrong variant: the low-rank update is scaled by alpha instead of alpha / r.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const dIn = x.shape[x.shape.length - 1];
    const dOut = w.shape[1];
    const lead = x.shape.slice(0, -1);
    const x2 = x.reshape([-1, dIn]);
    const base = tf.matMul(x2, w);
    const update = tf.matMul(tf.matMul(x2, a), b).mul(alpha);
    return tf.add(base, update).reshape([...lead, dOut]);
  });
}
