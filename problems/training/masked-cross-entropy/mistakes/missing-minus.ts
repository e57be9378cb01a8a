import * as tf from '@tensorflow/tfjs';

// logits: [B, T, V] float32, targets: [B, T] int32, padId: the target id of padding positions.
export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    // log-probabilities over the vocabulary axis, computed stably from the raw logits.
    const logp = tf.logSoftmax(logits, -1);
    const nll = logp.mul(tf.oneHot(targets, V).cast('float32')).sum(-1); // Bug: no minus sign, log p instead of −log p
    const mask = targets.notEqual(padId).cast('float32'); // 1 = real token
    const count = mask.sum();
    const loss = nll.mul(mask).sum().div(count) as tf.Scalar;
    const correct = logits.argMax(-1).equal(targets).cast('float32').mul(mask);
    const accuracy = correct.sum().div(count) as tf.Scalar;
    return { loss, accuracy };
  });
}
