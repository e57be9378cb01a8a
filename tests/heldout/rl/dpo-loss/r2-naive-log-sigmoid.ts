// Held-out wrong variant: computes log sigma(z) as tf.log(tf.sigmoid(z)), which is -Infinity once sigmoid underflows for large negative margins.
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
    const tieMask = ties ? ties.toFloat() : tf.zerosLike(z);
    const prefLoss = tf.log(tf.sigmoid(z)).neg();
    const tieLoss = tf.log(tf.sigmoid(z)).add(tf.log(tf.sigmoid(z.neg()))).mul(-0.5);
    const perPair = prefLoss.mul(tf.scalar(1).sub(tieMask)).add(tieLoss.mul(tieMask));
    const loss = perPair.mean() as tf.Scalar;
    const nonTie = tf.scalar(1).sub(tieMask);
    const nNonTie = nonTie.sum();
    const correct = z.greater(0).toFloat().mul(nonTie).sum();
    const accuracy = tf.where(nNonTie.greater(0), correct.div(tf.maximum(nNonTie, 1)), tf.scalar(0)) as tf.Scalar;
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
