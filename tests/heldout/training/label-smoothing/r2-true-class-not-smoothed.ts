// Held-out wrong variant: only the wrong classes get eps/K; the true class keeps exactly 1 - eps (the target no longer sums to 1).
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat();
    const q = tf.add(tf.mul(onehot, 1 - epsilon), tf.mul(tf.sub(1, onehot), epsilon / K));
    const perRow = tf.neg(tf.sum(tf.mul(q, logp), -1));
    return tf.mean(perRow) as tf.Scalar;
  });
}
