import * as tf from '@tensorflow/tfjs';

export function topPSample(logits: tf.Tensor2D, p: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const [batch, vocab] = logits.shape;
    const probs = tf.softmax(logits);
    // Bug: the mass before each token is taken in vocabulary order — no sort — so the "nucleus" is
    // the first few ids, not the most likely tokens.
    const keep = tf.less(tf.cumsum(probs, 1, true), p);
    const cdf = tf.cumsum(tf.softmax(tf.where(keep, logits, tf.fill([batch, vocab], -Infinity))), 1);
    const count = tf.lessEqual(cdf, u.expandDims(1)).cast('int32').sum(1);
    const ids = tf.range(0, vocab, 1, 'int32');
    const lastKept = tf.where(keep, ids, tf.zerosLike(ids)).max(1);
    return tf.minimum(count, lastKept) as tf.Tensor1D;
  });
}
