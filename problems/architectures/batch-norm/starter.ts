import * as tf from '@tensorflow/tfjs';

/**
 * Batch normalization forward (PyTorch BatchNorm1d / BatchNorm2d semantics), channel axis 1.
 * x: [N, C], [N, C, L] or [N, C, H, W]; gamma, beta, runningMean, runningVar: [C].
 * training = true: normalize with the batch mean and BIASED variance per channel (over every axis
 *   but axis 1), and return running = (1 − momentum) · running + momentum · batchStat, where the
 *   variance fed to the running update is the UNBIASED one (× n / (n − 1), n = values per channel).
 * training = false: normalize with runningMean / runningVar and return them unchanged.
 * y = (x − mean) / sqrt(var + eps) · gamma + beta.
 * Returns { y: same shape as x, runningMean: [C], runningVar: [C] }.
 */
export function batchNorm(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  runningMean: tf.Tensor1D,
  runningVar: tf.Tensor1D,
  training: boolean,
  momentum: number,
  eps: number,
): { y: tf.Tensor; runningMean: tf.Tensor1D; runningVar: tf.Tensor1D } {
  // TODO: per-channel statistics, normalize, scale and shift; update or keep the running stats
  throw new Error('TODO');
}
