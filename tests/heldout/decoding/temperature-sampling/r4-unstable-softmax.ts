// Held-out wrong variant: the softmax is computed by hand as exp(logits / T) / sum without subtracting the row max, so large logits overflow to Infinity and give NaN probabilities.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    if (temperature === 0) return tf.cast(tf.argMax(logits, 1), 'int32') as tf.Tensor1D;
    const vocab = logits.shape[1];
    const e = tf.exp(tf.div(logits, temperature));
    const probs = tf.div(e, tf.sum(e, 1, true));
    const cdf = tf.cumsum(probs, 1);
    const count = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, 1)), 'int32'), 1);
    const allowed = tf.cast(tf.isFinite(logits), 'int32');
    const lastAllowed = tf.max(tf.mul(allowed, tf.range(0, vocab, 1, 'int32').expandDims(0)), 1);
    return tf.cast(tf.minimum(count, lastAllowed), 'int32') as tf.Tensor1D;
  });
}
