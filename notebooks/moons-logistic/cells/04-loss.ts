// Cross-entropy on class probabilities.
function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const probs = tf.softmax(logits);
    return tf.losses.softmaxCrossEntropy(labels, probs) as tf.Scalar;
  });
}
