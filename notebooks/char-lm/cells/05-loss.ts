// Next-token cross-entropy, averaged over tokens.
function lossFn(logits: tf.Tensor, targets: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const perToken = tf.neg(tf.sum(tf.oneHot(targets.reshape([-1]), VOCAB).mul(tf.logSoftmax(logits)), -1));
    return perToken.mean() as tf.Scalar;
  });
}
