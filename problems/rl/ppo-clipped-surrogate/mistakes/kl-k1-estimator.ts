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
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps).mul(advantages);
    const surrogate = tf.minimum(unclipped, clipped);
    const policyLoss = surrogate.mean().neg();
    // Bug: the k1 estimator mean(log π_new − log π_ref) instead of k3 (exp(d) − d − 1, d = ref − new).
    const approxKl = logProbsNew.sub(refLogProbs).mean();
    const loss = policyLoss.add(approxKl.mul(klCoef));
    const clipFraction = ratio.sub(1).abs().greater(clipEps).cast('float32').mean();
    return { loss, clipFraction, approxKl };
  });
}
