import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const probs = tf.softmax(logits, -1);
    // Bug: cumulative mass in vocabulary order — no sort, so the "nucleus" is the first few ids.
    const ahead = tf.cumsum(probs, 1, true);
    const keep = tf.less(ahead, p);
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const cdf = tf.cumsum(tf.softmax(masked, -1), 1);
    const index = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    return tf.minimum(index, vocab - 1) as tf.Tensor1D;
  });
}
