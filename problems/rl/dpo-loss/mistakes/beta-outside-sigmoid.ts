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
    const logRatioChosen = policyChosenLogps.sub(refChosenLogps);
    const logRatioRejected = policyRejectedLogps.sub(refRejectedLogps);
    const rewardsChosen = logRatioChosen.mul(beta);
    const rewardsRejected = logRatioRejected.mul(beta);
    // Bug: β multiplies the log-sigmoid instead of the margin inside it.
    const margin = logRatioChosen.sub(logRatioRejected);
    const prefLoss = tf.logSigmoid(margin).mul(-beta);
    let perPair = prefLoss;
    let counted = tf.onesLike(margin);
    if (ties) {
      const tie = tf.cast(ties, 'bool');
      const tieLoss = tf.logSigmoid(margin).add(tf.logSigmoid(margin.neg())).mul(-0.5 * beta);
      perPair = tf.where(tie, tieLoss, prefLoss);
      counted = tf.logicalNot(tie).cast('float32');
    }
    const loss = perPair.mean();
    const n = counted.sum();
    const correct = margin.greater(0).cast('float32').mul(counted).sum();
    const accuracy = tf.where(n.greater(0), correct.div(tf.maximum(n, 1)), tf.scalar(0));
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
