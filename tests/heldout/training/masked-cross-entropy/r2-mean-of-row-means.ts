// Held-out wrong variant: averages the masked loss and accuracy within each sequence first and then over the batch, instead of over all real tokens (and a pure-padding row gives 0/0).
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const tgt = tf.cast(targets, 'int32');
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(tgt, V).toFloat();
    const nll = tf.neg(tf.sum(tf.mul(onehot, logp), -1));
    const mask = tf.cast(tf.notEqual(tgt, padId), 'float32');
    const M = tf.sum(mask);
    const loss = tf.mean(tf.div(tf.sum(tf.mul(nll, mask), -1), tf.sum(mask, -1))) as tf.Scalar;
    const pred = tf.argMax(logits, -1);
    const correct = tf.cast(tf.equal(pred, tgt), 'float32');
    const accuracy = tf.mean(tf.div(tf.sum(tf.mul(correct, mask), -1), tf.sum(mask, -1))) as tf.Scalar;
    return { loss, accuracy };
  });
}
