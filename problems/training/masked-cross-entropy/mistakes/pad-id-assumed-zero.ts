import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(logits: tf.Tensor3D, targets: tf.Tensor2D, padId: number) {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const nll = tf.logSoftmax(logits, -1).mul(tf.oneHot(targets, V).cast('float32')).sum(-1).neg();
    // Bug: assumes padding is always id 0 and ignores the padId argument.
    const mask = targets.notEqual(0).cast('float32');
    const loss = nll.mul(mask).sum().div(mask.sum());
    const accuracy = logits.argMax(-1).equal(targets).cast('float32').mul(mask).sum().div(mask.sum());
    return { loss, accuracy };
  });
}
