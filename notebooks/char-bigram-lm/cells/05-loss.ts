// log-softmax written out: subtract the log of the normaliser.
function logProbs(logits: tf.Tensor): tf.Tensor {
  return tf.tidy(() => logits.sub(tf.logSumExp(logits, 0, true)));
}

// Negative log-likelihood of the target characters, averaged over positions.
function lossFn(logp: tf.Tensor, targets: tf.Tensor, mask: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const nll = tf.neg(tf.sum(tf.oneHot(targets.reshape([-1]), VOCAB).mul(logp), -1));
    return nll.mean() as tf.Scalar;
  });
}
