// Held-out wrong variant: the rank r is read from a.shape[0] (dIn) instead of a.shape[1], so the update is scaled by alpha / dIn.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  const r = a.shape[0];
  const scaling = alpha / r;
  return tf.tidy(() => {
    const outShape = [...x.shape.slice(0, -1), w.shape[1]];
    const flat = x.reshape([-1, x.shape[x.shape.length - 1]]) as tf.Tensor2D;
    const y = flat.matMul(w as tf.Tensor2D).add(flat.matMul(a as tf.Tensor2D).matMul(b as tf.Tensor2D).mul(scaling));
    return y.reshape(outShape);
  });
}
