// Held-out wrong variant: the padding mask is built as targets != 0 (pad id hard-coded to 0) instead of targets != padId.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const logp = tf.logSoftmax(logits);
    const onehot = tf.oneHot(targets.toInt(), V).toFloat();
    const nll = tf.neg(tf.sum(tf.mul(logp, onehot), -1)); // [B, T]
    const mask = tf.notEqual(targets, tf.scalar(0, 'int32')).toFloat();
    const M = tf.sum(mask);
    const loss = tf.div(tf.sum(tf.mul(nll, mask)), M) as tf.Scalar;
    const pred = tf.argMax(logits, -1);
    const correct = tf.equal(pred, targets.toInt()).toFloat();
    const accuracy = tf.div(tf.sum(tf.mul(correct, mask)), M) as tf.Scalar;
    return { loss, accuracy };
  });
}
