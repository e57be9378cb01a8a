// Held-out wrong variant: tokens are kept by thresholding at the k-th largest logit (logit >= kth value), so ties at the k-th place keep more than k tokens instead of breaking toward the lower id.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    const { values } = tf.topk(logits, k, true);
    const kth = tf.slice(values, [0, k - 1], [batch, 1]);
    const keep = tf.greaterEqual(logits, kth);
    const masked = tf.where(keep, logits, tf.fill([batch, vocab], -Infinity));
    const probs = tf.softmax(masked);
    const cdf = tf.cumsum(probs, 1);
    const count = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, 1)), 'int32'), 1);
    const ids = tf.range(0, vocab, 1, 'int32').expandDims(0);
    const lastKept = tf.max(tf.mul(tf.cast(keep, 'int32'), ids), 1);
    return tf.cast(tf.minimum(count, lastKept), 'int32') as tf.Tensor1D;
  });
}
