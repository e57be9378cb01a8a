import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(logits: tf.Tensor3D, targets: tf.Tensor2D, padId: number) {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const nll = tf.logSoftmax(logits, -1).mul(tf.oneHot(targets, V).cast('float32')).sum(-1).neg();
    const mask = targets.notEqual(padId).cast('float32');
    // Bug: the loss averages over every position, padding included.
    const loss = nll.mean();
    const accuracy = logits.argMax(-1).equal(targets).cast('float32').mul(mask).sum().div(mask.sum());
    return { loss, accuracy };
  });
}
