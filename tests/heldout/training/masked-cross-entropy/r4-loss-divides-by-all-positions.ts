// Held-out wrong variant: the masked loss sum is divided by B·T (all positions, padding included) instead of by the number of real tokens M; accuracy is correct.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const logp = tf.logSoftmax(logits);
    const onehot = tf.oneHot(targets.cast('int32'), V);
    const nll = logp.mul(onehot).sum(-1).neg();
    const mask = targets.notEqual(padId).cast('float32');
    const M = mask.sum();
    const loss = nll.mul(mask).sum().div(nll.size) as tf.Scalar;
    const correct = logits.argMax(-1).equal(targets.cast('int32')).cast('float32');
    const accuracy = correct.mul(mask).sum().div(M) as tf.Scalar;
    return { loss, accuracy };
  });
}
