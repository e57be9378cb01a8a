import * as tf from '@tensorflow/tfjs';

// x: [N, C, ...spatial] (channel axis 1), gamma, beta, runningMean, runningVar: [C].
// Returns the normalized y (same shape as x) and the running statistics after this call.
export function batchNorm(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  runningMean: tf.Tensor1D,
  runningVar: tf.Tensor1D,
  training: boolean,
  momentum: number,
  eps: number,
) {
  return tf.tidy(() => {
    const C = x.shape[1] as number;
    // Per-channel vectors broadcast as [1, C, 1, ...] against x.
    const perChannel = [1, C, ...x.shape.slice(2).map(() => 1)];
    const axes = x.shape.map((_, i) => i).filter((i) => i !== 1); // every axis but the channel axis
    const affine = (mean: tf.Tensor, variance: tf.Tensor) =>
      tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), tf.reshape(gamma, perChannel)), tf.reshape(beta, perChannel));
    if (!training) {
      const y = affine(tf.reshape(runningMean, perChannel), tf.reshape(runningVar, perChannel));
      return { y, runningMean: tf.clone(runningMean), runningVar: tf.clone(runningVar) };
    }
    const count = x.size / C; // values per channel: N · (product of the spatial sizes)
    const mean = tf.mean(x, axes, true); // [1, C, 1, ...]
    const variance = tf.mean(tf.square(tf.sub(x, mean)), axes, true); // biased: used to normalize
    const y = affine(mean, variance);
    // Bug: the running variance gets the biased variance.
    const unbiased = tf.reshape(variance, [C]);
    return {
      y,
      runningMean: tf.add(tf.mul(runningMean, 1 - momentum), tf.mul(tf.reshape(mean, [C]), momentum)) as tf.Tensor1D,
      runningVar: tf.add(tf.mul(runningVar, 1 - momentum), tf.mul(unbiased, momentum)) as tf.Tensor1D,
    };
  });
}
