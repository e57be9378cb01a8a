import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    // Bug: the other convention — 1 − ε on the true class, ε/(K − 1) on each of the others.
    const onehot = tf.oneHot(targets, K).cast('float32');
    const q = onehot.mul(1 - epsilon).add(tf.onesLike(onehot).sub(onehot).mul(epsilon / (K - 1)));
    return q.mul(logp).sum(-1).neg().mean();
  });
}
