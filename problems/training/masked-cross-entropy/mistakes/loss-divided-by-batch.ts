import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const [B, , V] = logits.shape;
    const logp = tf.logSoftmax(logits, -1);
    const nll = logp.mul(tf.oneHot(targets, V).cast('float32')).sum(-1).neg();
    const mask = targets.notEqual(padId).cast('float32');
    // Bug: masked loss summed over each sequence and averaged over the B sequences, not over the real tokens.
    const loss = nll.mul(mask).sum().div(B) as tf.Scalar;
    const correct = logits.argMax(-1).equal(targets).cast('float32').mul(mask);
    const accuracy = correct.sum().div(mask.sum()) as tf.Scalar;
    return { loss, accuracy };
  });
}
