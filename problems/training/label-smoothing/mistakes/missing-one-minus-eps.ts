import * as tf from '@tensorflow/tfjs';

export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number) {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1);
    // Bug: forgets the (1 − ε) factor, so q sums to 1 + ε.
    const q = tf.oneHot(targets, K).cast('float32').add(epsilon / K);
    return q.mul(logp).sum(-1).neg().mean();
  });
}
