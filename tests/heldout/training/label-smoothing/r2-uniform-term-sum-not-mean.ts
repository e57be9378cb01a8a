// Held-out wrong variant: uses the (1 - eps) * NLL + eps * (...) form but sums -log p over the K classes instead of averaging (forgets the 1/K).
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat();
    const nll = tf.neg(tf.sum(tf.mul(onehot, logp), -1));
    const uniform = tf.neg(tf.sum(logp, -1));
    const perRow = tf.add(tf.mul(nll, 1 - epsilon), tf.mul(uniform, epsilon));
    return tf.mean(perRow) as tf.Scalar;
  });
}
