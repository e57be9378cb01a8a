import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const [dIn, dOut] = w.shape; // w: [dIn, dOut]
    const [, r] = a.shape;
    const lead = x.shape.slice(0, -1);
    const x2 = x.reshape([-1, dIn]);
    const base = tf.matMul(x2, w);
    // Bug: PyTorch/PEFT stores lora_B as [dOut, r] and computes x·Bᵀ; here b is already [r, dOut].
    const update = tf.matMul(tf.matMul(x2, a), b, false, true);
    return base.add(update.mul(alpha / r)).reshape([...lead, dOut]);
  });
}
