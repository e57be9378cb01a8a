// Held-out wrong variant: the adapter is scaled by r / alpha instead of alpha / r.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const rank = a.shape[1];
  const scaling = rank / alpha;
  return tf.tidy(() => w.add(a.matMul(b).mul(scaling)) as tf.Tensor2D);
}
