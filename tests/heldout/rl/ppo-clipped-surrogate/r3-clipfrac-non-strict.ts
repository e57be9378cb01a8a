// Held-out wrong variant: clipFraction counts elements with |r - 1| >= eps instead of > eps, so with eps = 0 unchanged tokens (r = 1) are counted as clipped.
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
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean() as tf.Scalar;
    const loss = surr.mean().neg().add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greaterEqual(clipEps).toFloat().mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
