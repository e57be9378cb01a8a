// Held-out wrong variant: the rank is taken as a.shape[0] (dIn) instead of a.shape[1], so the adapter is scaled by alpha / dIn.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const [r] = a.shape;
  const scale = alpha / r;
  return tf.tidy(() => w.add(a.matMul(b).mul(scale)) as tf.Tensor2D);
}
