// Softmax cross-entropy of logits against one-hot labels, averaged over the batch.
function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1))) as tf.Scalar);
}

// What the optimizer minimises for one batch (dropout on).
function trainingLoss(batch: { x: tf.Tensor; y: tf.Tensor }): tf.Scalar {
  return tf.tidy(() => lossFn(batch.y, model(batch.x, true)));
}
