// Held-out wrong variant: counts the cumulative values <= u in float32 and clamps the count to vocab - 1, so when rounding leaves every cumulative value <= u it returns vocab - 1 even if that token is banned.
import * as tf from '@tensorflow/tfjs';

export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    if (temperature === 0) return tf.argMax(logits, 1).toInt() as tf.Tensor1D;
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits.div(temperature), -1);
    const cdf = tf.cumsum(probs, 1);
    const below = tf.lessEqual(cdf, u.expandDims(1)).toInt();
    const idx = below.sum(1);
    return tf.minimum(idx, tf.scalar(vocab - 1, 'int32')).toInt() as tf.Tensor1D;
  });
}
