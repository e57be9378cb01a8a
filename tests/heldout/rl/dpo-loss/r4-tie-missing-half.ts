// Held-out wrong variant: the tie loss omits the ½ factor, using −(log σ(z) + log σ(−z)) instead of −½(log σ(z) + log σ(−z)).
import * as tf from '@tensorflow/tfjs';

export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const rewardsChosen = policyChosenLogps.sub(refChosenLogps).mul(beta) as tf.Tensor1D;
    const rewardsRejected = policyRejectedLogps.sub(refRejectedLogps).mul(beta) as tf.Tensor1D;
    const z = rewardsChosen.sub(rewardsRejected);
    const isTie = ties ? ties.cast('bool') : tf.zerosLike(z).cast('bool');
    const prefLoss = tf.logSigmoid(z).neg();
    const tieLoss = tf.logSigmoid(z).add(tf.logSigmoid(z.neg())).neg();
    const loss = tf.where(isTie, tieLoss, prefLoss).mean() as tf.Scalar;
    const nonTie = tf.logicalNot(isTie).cast('float32');
    const nNonTie = nonTie.sum().arraySync() as number;
    const wins = z.greater(0).cast('float32').mul(nonTie).sum();
    const accuracy = (nNonTie > 0 ? wins.div(nNonTie) : tf.scalar(0)) as tf.Scalar;
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
