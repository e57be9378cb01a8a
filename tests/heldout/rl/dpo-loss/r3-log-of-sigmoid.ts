// Held-out wrong variant: log sigma(z) is computed as tf.log(tf.sigmoid(z)), which gives -Infinity (and an infinite loss) once z is below about -90.
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
    const nonTie = tf.onesLike(tieMask).sub(tieMask);
    const prefLoss = tf.log(tf.sigmoid(z)).neg();
    const tieLoss = tf.log(tf.sigmoid(z)).add(tf.log(tf.sigmoid(z.neg()))).mul(-0.5);
    const perPair = tieMask.mul(tieLoss).add(nonTie.mul(prefLoss));
    const loss = perPair.mean() as tf.Scalar;
    const nCount = nonTie.sum();
    const correct = z.greater(0).toFloat().mul(nonTie).sum();
    const accuracy = tf.where(nCount.greater(0), correct.div(tf.maximum(nCount, 1)), tf.scalar(0)) as tf.Scalar;
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
