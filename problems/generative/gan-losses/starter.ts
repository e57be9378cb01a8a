import * as tf from '@tensorflow/tfjs';

/**
 * GAN losses from discriminator logits, each a loss to MINIMISE. D(x) = sigmoid(logit).
 * realLogits: [Br], fakeLogits: [Bf].
 *   discriminator          = −mean log D(real) − mean log(1 − D(fake))
 *   generatorMinimax       = mean log(1 − D(fake))      (≤ 0)
 *   generatorNonSaturating = −mean log D(fake)          (≥ 0)
 * Must be finite and accurate for logits up to ±1000.
 */
export function ganLosses(
  realLogits: tf.Tensor1D,
  fakeLogits: tf.Tensor1D,
): { discriminator: tf.Scalar; generatorMinimax: tf.Scalar; generatorNonSaturating: tf.Scalar } {
  // TODO
  throw new Error('TODO');
}
