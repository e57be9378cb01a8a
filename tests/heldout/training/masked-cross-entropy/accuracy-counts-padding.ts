// Held-out wrong variant: computes accuracy over all positions, padding included, instead of only the real tokens.
import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const [B, T, V] = logits.shape;
    const flatLogits = tf.reshape(logits, [B * T, V]);
    const flatTargets = tf.cast(tf.reshape(targets, [B * T]), 'int32');
    const logp = tf.logSoftmax(flatLogits, -1).reshape([B * T * V]);
    const flatIdx = tf.add(tf.mul(tf.range(0, B * T, 1, 'int32'), tf.scalar(V, 'int32')), flatTargets);
    const tokenLogp = tf.gather(logp, flatIdx); // [B*T]
    const isReal = tf.notEqual(flatTargets, tf.scalar(padId, 'int32')); // bool
    const zeros = tf.zerosLike(tokenLogp);
    const count = tf.sum(tf.cast(isReal, 'float32'));
    const loss = tf.div(tf.neg(tf.sum(tf.where(isReal, tokenLogp, zeros))), count);
    const correct = tf.cast(tf.equal(tf.argMax(flatLogits, -1).toInt(), flatTargets), 'float32');
    const accuracy = tf.mean(correct);
    return { loss: loss as tf.Scalar, accuracy: accuracy as tf.Scalar };
  });
}
