import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    if (temperature === 0) return tf.argMax(logits, -1).cast('int32') as tf.Tensor1D;
    // Bug: multiplies by T, so T < 1 flattens the distribution and T > 1 sharpens it.
    const probs = tf.softmax(logits.mul(temperature), -1);
    const cdf = tf.cumsum(probs, 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(-1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
