// Standardise every pixel: subtract its mean, divide by its standard deviation.
// EPS keeps pixels that are (almost) always blank from blowing up.
const EPS = 0.1;
const pixelStats = tf.tidy(() => {
  const { mean, variance } = tf.moments(testX, 0);
  return { mean: tf.keep(mean), std: tf.keep(variance.sqrt()) };
});

function normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => x.sub(pixelStats.mean).div(pixelStats.std.add(EPS)));
}
print('pixel means', pixelStats.mean);
