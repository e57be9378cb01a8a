// Cross-entropy of logits against the labels.
function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(labels.mul(tf.logSoftmax(logits)), -1))) as tf.Scalar);
}

// What the optimizer minimises: class probabilities, then the loss.
function trainingLoss(batch: { x: tf.Tensor; y: tf.Tensor }): tf.Scalar {
  return tf.tidy(() => lossFn(tf.softmax(model(batch.x)), batch.y));
}
