import * as tf from '@tensorflow/tfjs';

// Vectorised: stable log-softmaxes, the sampled token picked out with a one-hot mask.
export function klEstimators(
  policyLogits: tf.Tensor3D,
  refLogits: tf.Tensor3D,
  sampledTokens: tf.Tensor2D,
): { reverse: tf.Tensor2D; forward: tf.Tensor2D; k1: tf.Tensor2D; k2: tf.Tensor2D; k3: tf.Tensor2D } {
  return tf.tidy(() => {
    const V = policyLogits.shape[2];
    const logP = tf.logSoftmax(policyLogits, -1);
    const logQ = tf.logSoftmax(refLogits, -1);
    const diff = tf.sub(logP, logQ); // log p − log q, finite even for ±1000 logits
    const reverse = tf.sum(tf.mul(tf.exp(logP), diff), -1) as tf.Tensor2D;
    const forward = tf.sum(tf.mul(tf.exp(logQ), tf.neg(diff)), -1) as tf.Tensor2D;
    const onehot = tf.oneHot(tf.cast(sampledTokens, 'int32'), V).toFloat();
    // r = log q_x − log p_x  (select the sampled column; other terms are 0 · finite = 0)
    const r = tf.neg(tf.sum(tf.mul(onehot, diff), -1)) as tf.Tensor2D;
    const k1 = tf.neg(r) as tf.Tensor2D;
    const k2 = tf.mul(0.5, tf.square(r)) as tf.Tensor2D;
    const k3 = tf.sub(tf.sub(tf.exp(r), 1), r) as tf.Tensor2D;
    return { reverse, forward, k1, k2, k3 };
  });
}
