// Held-out wrong variant: the alpha / r factor is applied to the whole sum x·W + x·A·B instead of only to the low-rank update.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const r = a.shape[1];
    const dIn = x.shape[x.rank - 1];
    const flat = x.reshape([-1, dIn]);
    const y = flat.matMul(w).add(flat.matMul(a).matMul(b)).mul(alpha / r);
    return y.reshape([...x.shape.slice(0, -1), w.shape[1]]);
  });
}
