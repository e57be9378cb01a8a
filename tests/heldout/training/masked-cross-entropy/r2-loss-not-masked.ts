// Held-out wrong variant: the loss numerator sums the NLL over every position, padding included, then divides by the real-token count M (accuracy is masked correctly).
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
    const loss = tf.div(tf.sum(nll), M) as tf.Scalar;
    const pred = tf.argMax(logits, -1);
    const correct = tf.cast(tf.equal(pred, tgt), 'float32');
    const accuracy = tf.div(tf.sum(tf.mul(correct, mask)), M) as tf.Scalar;
    return { loss, accuracy };
  });
}
