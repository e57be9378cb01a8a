// Held-out wrong variant: the log-softmax normaliser is computed over the time axis (axis 1) instead of the vocabulary axis.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const [, , V] = logits.shape;
    const logp = tf.sub(logits, tf.logSumExp(logits, 1, true));
    const picked = tf.sum(tf.mul(logp, tf.oneHot(tf.cast(targets, 'int32'), V)), 2);
    const mask = tf.cast(tf.notEqual(targets, tf.scalar(padId, 'int32')), 'float32');
    const M = tf.sum(mask);
    const loss = tf.div(tf.neg(tf.sum(tf.mul(picked, mask))), M) as tf.Scalar;
    const hits = tf.cast(tf.equal(tf.argMax(logits, 2), tf.cast(targets, 'int32')), 'float32');
    const accuracy = tf.div(tf.sum(tf.mul(hits, mask)), M) as tf.Scalar;
    return { loss, accuracy };
  });
}
