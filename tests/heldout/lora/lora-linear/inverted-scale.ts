// Held-out wrong variant: inverts the LoRA scale, using r / alpha instead of alpha / r.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const dIn = x.shape[x.shape.length - 1] as number;
    const r = a.shape[1] as number;
    const dOut = w.shape[1] as number;
    const scale = r / alpha;
    const wEff = w.add(tf.matMul(a as tf.Tensor2D, b as tf.Tensor2D).mul(scale)) as tf.Tensor2D;
    const flat = x.reshape([-1, dIn]) as tf.Tensor2D;
    const out = tf.matMul(flat, wEff);
    return out.reshape([...x.shape.slice(0, -1), dOut]);
  });
}
