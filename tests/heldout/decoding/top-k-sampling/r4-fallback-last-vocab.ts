// Held-out wrong variant: when rounding leaves every cumulative value <= u the sample falls back to vocab − 1 instead of the largest kept id, which may have been dropped.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    const { indices } = tf.topk(logits, k, true);
    const rows = tf.tile(tf.range(0, batch, 1, 'int32').expandDims(1), [1, k]);
    const coords = tf.stack([rows, indices], 2).reshape([batch * k, 2]);
    const keep = tf.scatterND(coords, tf.ones([batch * k], 'float32'), [batch, vocab]);
    const masked = tf.where(tf.greater(keep, 0), logits, tf.fill([batch, vocab], -Infinity));
    const probs = tf.softmax(masked);
    const cdf = tf.cumsum(probs, 1);
    const count = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, 1)), 'int32'), 1);
    return tf.cast(tf.minimum(count, vocab - 1), 'int32') as tf.Tensor1D;
  });
}
