import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    if (temperature === 0) return tf.argMax(logits, -1).cast('int32') as tf.Tensor1D;
    const probs = tf.softmax(logits.div(temperature), -1);
    const cdf = tf.cumsum(probs, 1);
    // Bug: first i with cdf[i] >= u (counts cdf < u), off by one when u lands exactly on a boundary.
    const index = tf.less(cdf, u.expandDims(1)).cast('int32').sum(-1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
