// Standardise the inputs: zero mean, unit variance.
const stats = tf.moments(testX);

function normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => x.sub(stats.mean).div(stats.variance.sqrt()).reshape([-1, 1]));
}
print('normalised train inputs', normalize(trainX));
