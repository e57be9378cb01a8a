import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // Bug: no special case for T = 0, so logits / 0 is ±Infinity (or NaN) and the softmax is NaN.
    const probs = tf.softmax(logits.div(temperature), -1);
    const cdf = tf.cumsum(probs, 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(-1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
