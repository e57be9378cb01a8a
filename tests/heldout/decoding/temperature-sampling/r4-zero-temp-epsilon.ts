// Held-out wrong variant: T = 0 is handled by dividing by a tiny epsilon and sampling as usual instead of taking the argmax, so tied maxima share the probability and u can pick a higher-id tied token.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const T = Math.max(temperature, 1e-8);
    const probs = tf.softmax(tf.div(logits, T));
    const cdf = tf.cumsum(probs, 1);
    const count = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, 1)), 'int32'), 1);
    const allowed = tf.cast(tf.isFinite(logits), 'int32');
    const lastAllowed = tf.max(tf.mul(allowed, tf.range(0, vocab, 1, 'int32').expandDims(0)), 1);
    return tf.cast(tf.minimum(count, lastAllowed), 'int32') as tf.Tensor1D;
  });
}
