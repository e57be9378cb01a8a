import * as tf from '@tensorflow/tfjs';

/** Vectorised: −log σ(z) = softplus(−z); accuracy from a strict greater-than mask. */
export function rewardModelLoss(
  chosenRewards: tf.Tensor1D,
  rejectedRewards: tf.Tensor1D,
  margin?: tf.Tensor1D,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const d = tf.sub(chosenRewards, rejectedRewards);
    const z = margin ? tf.sub(d, margin) : d;
    const loss = tf.mean(tf.softplus(tf.neg(z))) as tf.Scalar;
    const accuracy = tf.mean(tf.cast(tf.greater(chosenRewards, rejectedRewards), 'float32')) as tf.Scalar;
    return { loss, accuracy };
  });
}
