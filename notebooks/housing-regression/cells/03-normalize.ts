// Standardise each feature to zero mean and unit variance.
function normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, 0);
    return x.sub(mean).div(variance.sqrt());
  });
}
print('standardised training features', normalize(trainX));
