// Held-out wrong variant: computes log-probabilities as log(softmax(z)), which underflows to -Infinity for large logits.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.log(tf.softmax(logits, -1)); // [N, K]
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat(); // [N, K]
    const nll = tf.neg(tf.sum(tf.mul(onehot, logp), -1)); // [N]
    const uniform = tf.neg(tf.mean(logp, -1)); // [N]
    const perRow = tf.add(tf.mul(1 - epsilon, nll), tf.mul(epsilon, uniform));
    return tf.mean(perRow) as tf.Scalar;
  });
}
