// Held-out wrong variant: spreads ε over the K-1 wrong classes only (true class gets 1-ε, others ε/(K-1)).
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // [N, K]
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat(); // [N, K]
    const nll = tf.neg(tf.sum(tf.mul(onehot, logp), -1)); // [N]
    const uniform = tf.div(tf.neg(tf.sub(tf.sum(logp, -1), tf.sum(tf.mul(onehot, logp), -1))), K - 1); // [N]
    const perRow = tf.add(tf.mul(1 - epsilon, nll), tf.mul(epsilon, uniform));
    return tf.mean(perRow) as tf.Scalar;
  });
}
