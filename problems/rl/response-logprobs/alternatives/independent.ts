import * as tf from '@tensorflow/tfjs';

/** Vectorised: shift by slicing, gather the realised token's log-prob with a one-hot, mask with where. */
export function responseLogprobs(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  responseMask: tf.Tensor2D,
): { tokenLogprobs: tf.Tensor2D; sumLogprob: tf.Tensor1D; meanLogprob: tf.Tensor1D } {
  return tf.tidy(() => {
    const [B, T, V] = logits.shape;
    const pred = tf.slice(logits, [0, 0, 0], [B, T - 1, V]);
    const targets = tf.slice(tokenIds, [0, 1], [B, T - 1]);
    const mask = tf.slice(responseMask, [0, 1], [B, T - 1]);
    const logp = tf.logSoftmax(pred, -1);
    const picked = tf.sum(tf.mul(logp, tf.oneHot(tf.cast(targets, 'int32'), V)), -1);
    const tokenLogprobs = tf.where(tf.greater(mask, 0), picked, tf.zerosLike(picked)) as tf.Tensor2D;
    const sumLogprob = tf.sum(tokenLogprobs, 1) as tf.Tensor1D;
    const count = tf.sum(mask, 1);
    const meanLogprob = tf.div(sumLogprob, tf.maximum(count, 1)) as tf.Tensor1D;
    return { tokenLogprobs, sumLogprob, meanLogprob };
  });
}
