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
    const prefLoss = tf.sigmoid(z).neg(); // Bug: σ instead of log σ
    let perPair = prefLoss;
    let counted = tf.onesLike(z);
    if (ties && true) {
      const tie = tf.cast(ties, 'bool');
      const tieLoss = tf.sigmoid(z).add(tf.sigmoid(z.neg())).mul(-0.5);
      perPair = tf.where(tie, tieLoss, prefLoss);
      counted = tf.logicalNot(tie).cast('float32');
    }
    const loss = perPair.mean();
    const n = counted.sum();
    const correct = z.greater(0).cast('float32').mul(counted).sum();
    const accuracy = tf.where(n.greater(0), correct.div(tf.maximum(n, 1)), tf.scalar(0));
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
