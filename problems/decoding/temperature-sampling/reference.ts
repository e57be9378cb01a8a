import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab], u: [batch] uniforms in [0, 1). Returns int32 [batch] sampled ids.
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // T = 0 is the greedy limit: softmax(logits / T) collapses onto the argmax (ties → lower id).
    if (temperature === 0) return tf.argMax(logits, -1).cast('int32') as tf.Tensor1D;
    const probs = tf.softmax(logits.div(temperature), -1);
    const cdf = tf.cumsum(probs, 1);
    // Inverse CDF: the first i with cdf[i] > u is the number of i with cdf[i] <= u.
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(-1);
    // Guard against rounding (cdf[vocab - 1] a hair below 1): never go past the last id.
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
