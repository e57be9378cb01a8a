import * as tf from '@tensorflow/tfjs';

export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
) {
  return tf.tidy(() => {
    const rewardsChosen = policyChosenLogps.sub(refChosenLogps).mul(beta);
    const rewardsRejected = policyRejectedLogps.sub(refRejectedLogps).mul(beta);
    const z = rewardsChosen.sub(rewardsRejected);
    const prefLoss = tf.logSigmoid(z).neg();
    const counted = ties ? tf.logicalNot(tf.cast(ties, 'bool')).cast('float32') : tf.onesLike(z);
    const n = counted.sum();
    // Bug: tied pairs are skipped — the loss is the mean of −log σ(z) over the preference pairs only.
    const loss = prefLoss.mul(counted).sum().div(tf.maximum(n, 1));
    const correct = z.greater(0).cast('float32').mul(counted).sum();
    const accuracy = correct.div(tf.maximum(n, 1));
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
