// Held-out wrong variant: The k3 KL uses d = logProbsNew - refLogProbs instead of d = refLogProbs - logProbsNew.
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
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps);
    const surr = tf.minimum(ratio.mul(advantages), clipped.mul(advantages));
    const d = logProbsNew.sub(refLogProbs);
    const approxKl = tf.exp(d).sub(d).sub(1).mean() as tf.Scalar;
    const loss = surr.mean().neg().add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greater(clipEps).toFloat().mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
