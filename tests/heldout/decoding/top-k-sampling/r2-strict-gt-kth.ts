// Held-out wrong variant: keeps only the logits strictly greater than the k-th largest value, dropping the k-th token itself (k - 1 tokens, none for k = 1).
import * as tf from '@tensorflow/tfjs';

export function topKSample(logits: tf.Tensor2D, k: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    const { indices } = tf.topk(logits, k);
    const kth = tf.topk(logits, k).values.slice([0, k - 1], [-1, 1]);
    const keep = logits.greater(kth);
    const masked = tf.where(keep, logits, tf.fill(logits.shape, -Infinity));
    const probs = tf.softmax(masked, -1);
    const cdf = tf.cumsum(probs, 1);
    const idx = tf.lessEqual(cdf, u.expandDims(1)).toInt().sum(1);
    const lastKept = indices.max(1).toInt();
    return tf.minimum(idx, lastKept).toInt() as tf.Tensor1D;
  });
}
