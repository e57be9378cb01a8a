// Held-out wrong variant: computes the importance ratio as exp(old - new) instead of exp(new - old).
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
    const ratio = tf.exp(logProbsOld.sub(logProbsNew));
    const unclipped = ratio.mul(advantages);
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps).mul(advantages);
    const surrogate = tf.minimum(unclipped, clipped).mean();
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean() as tf.Scalar;
    const loss = surrogate.neg().add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greater(clipEps).toFloat().mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
