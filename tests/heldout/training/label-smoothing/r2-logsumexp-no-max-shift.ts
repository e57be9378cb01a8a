// Held-out wrong variant: computes log-softmax by hand as z - log(sum(exp(z))) without subtracting the row max, which overflows for large logits.
import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.sub(logits, tf.log(tf.sum(tf.exp(logits), -1, true)));
    const onehot = tf.oneHot(tf.cast(targets, 'int32'), K).toFloat();
    const q = tf.add(tf.mul(onehot, 1 - epsilon), epsilon / K);
    const perRow = tf.neg(tf.sum(tf.mul(q, logp), -1));
    return tf.mean(perRow) as tf.Scalar;
  });
}
