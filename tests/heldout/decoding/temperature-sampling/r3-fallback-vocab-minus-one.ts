// Held-out wrong variant: When rounding leaves every cumulative value <= u the sample is clamped to vocab - 1 instead of the last non-banned id.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    if (temperature === 0) return tf.argMax(logits, 1).toInt() as tf.Tensor1D;
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits.div(temperature));
    const c = tf.cumsum(probs, 1);
    const count = c.lessEqual(u.expandDims(1)).toInt().sum(1);
    // rounding can leave every cumsum <= u: clamp to the last id
    return tf.minimum(count, tf.scalar(vocab - 1, 'int32')).toInt() as tf.Tensor1D;
  });
}
