// Mean squared error.
function lossFn(pred: tf.Tensor, target: tf.Tensor): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.square(pred.sub(target))) as tf.Scalar);
}
