// Cross-entropy from logits: softmax turns scores into class probabilities.
function lossFn(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    // Transposed so softmax runs over the rows of each column.
    const probs = tf.softmax(logits.transpose()).transpose();
    return tf.neg(tf.mean(tf.sum(labels.mul(tf.log(probs.add(1e-7))), 1))) as tf.Scalar;
  });
}
