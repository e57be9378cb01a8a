import * as tf from '@tensorflow/tfjs';

// policyLogps, refLogps, policyKlLogps, refKlLogps: [B] float32; desirable: [B] bool (or 0/1).
export function ktoLoss(
  policyLogps: tf.Tensor1D,
  refLogps: tf.Tensor1D,
  desirable: tf.Tensor1D,
  policyKlLogps: tf.Tensor1D,
  refKlLogps: tf.Tensor1D,
  beta: number,
  desirableWeight: number,
  undesirableWeight: number,
): { loss: tf.Scalar; kl: tf.Scalar; losses: tf.Tensor1D } {
  return tf.tidy(() => {
    // Reference point z0: batch estimate of KL(π‖π_ref) from mismatched completions, clamped at 0.
    const kl = tf.maximum(policyKlLogps.sub(refKlLogps).mean(), 0) as tf.Scalar;
    const logRatio = policyLogps.sub(refLogps);
    const good = tf.cast(desirable, 'bool');
    // Desirable: 1 − σ(β(r − z0)); undesirable: 1 − σ(β(z0 − r)).
    // Bug: DPO-style −log σ instead of KTO's 1 − σ
    const desirableLoss = tf.logSigmoid(logRatio.sub(kl).mul(beta)).neg().mul(desirableWeight);
    const undesirableLoss = tf.logSigmoid(kl.sub(logRatio).mul(beta)).neg().mul(undesirableWeight);
    const losses = tf.where(good, desirableLoss, undesirableLoss) as tf.Tensor1D;
    return { loss: losses.mean() as tf.Scalar, kl, losses };
  });
}
