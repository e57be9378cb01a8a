import * as tf from '@tensorflow/tfjs';

// x: [..., dIn], w: [dIn, dOut], a: [dIn, r], b: [r, dOut] → [..., dOut]
export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const [dIn, dOut] = w.shape; // w: [dIn, dOut]
    // The LoRA rank is a's second axis; the update is scaled by alpha / r.
    const [, r] = a.shape; // a: [dIn, r]
    // Flatten every leading axis into rows, so the same code handles rank 2, 3 and 4.
    const lead = x.shape.slice(0, -1);
    const x2 = x.reshape([-1, dIn]); // [n, dIn]
    const base = tf.matMul(x2, w); // [n, dOut]
    // (x·a)·b goes through the r-wide bottleneck and never builds the [dIn, dOut] product a·b.
    const update = tf.matMul(tf.matMul(x2, a), b); // [n, r] · [r, dOut] → [n, dOut]
    return base.add(update.mul(alpha * r)).reshape([...lead, dOut]); // Bug: alpha · r instead of alpha / r
  });
}
