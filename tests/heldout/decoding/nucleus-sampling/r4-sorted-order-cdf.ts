// Held-out wrong variant: the inverse CDF is taken over the nucleus in sorted (probability) order and mapped back through the sort indices, instead of in vocabulary order.
import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits);
    const { values, indices } = tf.topk(probs, vocab, true);
    const running = tf.cumsum(values, 1);
    const before = tf.sub(running, values);
    const keep = tf.less(before, p);
    const kept = tf.mul(values, tf.cast(keep, 'float32'));
    const renorm = tf.div(kept, tf.sum(kept, 1, true));
    const cdf = tf.cumsum(renorm, 1);
    const pos = tf.sum(tf.cast(tf.lessEqual(cdf, tf.expandDims(u, 1)), 'int32'), 1);
    const nKept = tf.sum(tf.cast(keep, 'int32'), 1);
    const clamped = tf.cast(tf.minimum(pos, tf.sub(nKept, 1)), 'int32');
    const ids = tf.gather(indices, clamped, 1, 1);
    return tf.cast(ids, 'int32') as tf.Tensor1D;
  });
}
