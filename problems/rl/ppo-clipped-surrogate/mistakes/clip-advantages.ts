import * as tf from '@tensorflow/tfjs';

export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
) {
  return tf.tidy(() => {
    const ratio = tf.exp(logProbsNew.sub(logProbsOld));
    const unclipped = ratio.mul(advantages);
    // Bug: the advantages are clipped instead of the ratio.
    const clipped = ratio.mul(tf.clipByValue(advantages, 1 - clipEps, 1 + clipEps));
    const surrogate = tf.minimum(unclipped, clipped);
    const policyLoss = surrogate.mean().neg();
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean();
    const loss = policyLoss.add(approxKl.mul(klCoef));
    const clipFraction = ratio.sub(1).abs().greater(clipEps).cast('float32').mean();
    return { loss, clipFraction, approxKl };
  });
}
