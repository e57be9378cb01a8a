// Held-out wrong variant: adds the mean clipped surrogate to the loss instead of subtracting it (maximises the objective's negative).
import * as tf from '@tensorflow/tfjs';

export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
): { loss: tf.Scalar; clipFraction: tf.Scalar; approxKl: tf.Scalar } {
  return tf.tidy(() => {
    const ratio = tf.exp(logProbsNew.sub(logProbsOld));
    const unclipped = ratio.mul(advantages);
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps).mul(advantages);
    const surrogate = tf.minimum(unclipped, clipped).mean();
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean() as tf.Scalar;
    const loss = surrogate.add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greater(clipEps).toFloat().mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
