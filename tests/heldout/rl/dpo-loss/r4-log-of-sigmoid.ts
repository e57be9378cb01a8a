// Held-out wrong variant: log σ is computed as tf.log(tf.sigmoid(z)), which underflows to −Infinity for very negative margins instead of using a stable log-sigmoid.
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
    const rewardsChosen = tf.mul(beta, tf.sub(policyChosenLogps, refChosenLogps)) as tf.Tensor1D;
    const rewardsRejected = tf.mul(beta, tf.sub(policyRejectedLogps, refRejectedLogps)) as tf.Tensor1D;
    const z = tf.sub(rewardsChosen, rewardsRejected);
    const tie = ties ? tf.cast(ties, 'float32') : tf.zerosLike(z);
    const pref = tf.sub(1, tie);
    const logSigPos = tf.log(tf.sigmoid(z));
    const logSigNeg = tf.log(tf.sigmoid(tf.neg(z)));
    const perPair = tf.neg(
      tf.add(tf.mul(pref, logSigPos), tf.mul(tie, tf.mul(0.5, tf.add(logSigPos, logSigNeg)))),
    );
    const loss = tf.mean(perPair) as tf.Scalar;
    const nPref = tf.sum(pref);
    const nCorrect = tf.sum(tf.mul(pref, tf.cast(tf.greater(z, 0), 'float32')));
    const accuracy = tf.where(tf.greater(nPref, 0), tf.div(nCorrect, tf.maximum(nPref, 1)), tf.scalar(0)) as tf.Scalar;
    return { loss, rewardsChosen, rewardsRejected, accuracy };
  });
}
