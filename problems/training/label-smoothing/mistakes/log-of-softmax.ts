import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    // Bug: log(softmax(x)) underflows to log(0) = -Infinity for large logits, and ε/K · -Infinity
    // makes the loss Infinity even though every term is finite mathematically.
    const logp = tf.log(tf.softmax(logits, -1));
    const q = tf.oneHot(targets, K).cast('float32').mul(1 - epsilon).add(epsilon / K);
    return q.mul(logp).sum(-1).neg().mean();
  });
}
