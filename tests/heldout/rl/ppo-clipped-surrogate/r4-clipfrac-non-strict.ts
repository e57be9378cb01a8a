// Held-out wrong variant: clipFraction counts elements with |r − 1| >= ε (non-strict), so with ε = 0 unchanged tokens (r = 1) are counted as clipped.
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
    const logRatio = logProbsNew.sub(logProbsOld);
    const ratio = logRatio.exp();
    const surr1 = ratio.mul(advantages);
    const surr2 = ratio.clipByValue(1 - clipEps, 1 + clipEps).mul(advantages);
    const policyLoss = tf.minimum(surr1, surr2).mean().neg();
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = d.exp().sub(d).sub(1).mean() as tf.Scalar;
    const loss = policyLoss.add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greaterEqual(clipEps).cast('float32').mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
