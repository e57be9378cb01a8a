// Held-out wrong variant: averages the masked loss and accuracy within each sequence first and then averages those per-row means over the batch, instead of dividing the masked totals by the global token count M.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const logp = tf.logSoftmax(logits, -1);
    const tgt = targets.toInt();
    const nll = tf.sum(tf.mul(logp, tf.oneHot(tgt, V).toFloat()), -1).neg(); // [B, T]
    const mask = tf.notEqual(tgt, padId).toFloat(); // [B, T]
    const rowCount = tf.sum(mask, 1); // [B]
    const rowLoss = tf.div(tf.sum(tf.mul(nll, mask), 1), rowCount);
    const correct = tf.equal(tf.argMax(logits, -1), tgt).toFloat();
    const rowAcc = tf.div(tf.sum(tf.mul(correct, mask), 1), rowCount);
    return { loss: tf.mean(rowLoss) as tf.Scalar, accuracy: tf.mean(rowAcc) as tf.Scalar };
  });
}
