import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    if (temperature === 0) return tf.argMax(logits, -1).cast('int32') as tf.Tensor1D;
    const probs = tf.softmax(logits.div(temperature), -1);
    // Bug: cumulative sum down the batch axis instead of along the vocabulary.
    const cdf = tf.cumsum(probs, 0);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(-1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
