// Held-out wrong variant: The mask keeps every logit >= the k-th largest value, so ties at the k-th place keep more than k tokens instead of only the lower ids.
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    const { values } = tf.topk(logits, k, true);
    const kth = values.slice([0, k - 1], [batch, 1]);
    const kept = logits.greaterEqual(kth);
    const masked = tf.where(kept, logits, tf.fill([batch, vocab], -Infinity));
    const probs = tf.softmax(masked);
    const cdf = tf.cumsum(probs, 1);
    const idx = cdf.lessEqual(u.expandDims(1)).toInt().sum(1);
    const ids = tf.range(0, vocab, 1, 'int32').expandDims(0).tile([batch, 1]);
    const lastKept = tf.where(kept, ids, tf.fill([batch, vocab], -1, 'int32')).max(1);
    return tf.where(idx.equal(vocab), lastKept, idx).toInt() as tf.Tensor1D;
  });
}
