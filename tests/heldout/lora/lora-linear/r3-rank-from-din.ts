// Held-out wrong variant: the rank r is read from a.shape[0] (which is dIn) instead of a.shape[1], so the update is scaled by alpha / dIn.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  const r = a.shape[0];
  const scaling = alpha / r;
  const dIn = w.shape[0];
  const dOut = w.shape[1];
  const outShape = [...x.shape.slice(0, x.rank - 1), dOut];
  const flat = tf.reshape(x, [x.size / dIn, dIn]);
  const y = tf.add(tf.matMul(flat, w), tf.mul(tf.matMul(tf.matMul(flat, a), b), scaling));
  const out = tf.reshape(y, outShape);
  flat.dispose();
  y.dispose();
  return out;
}
