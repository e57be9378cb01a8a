import * as tf from '@tensorflow/tfjs';

export function ganLosses(
  realLogits: tf.Tensor1D,
  fakeLogits: tf.Tensor1D,
): { discriminator: tf.Scalar; generatorMinimax: tf.Scalar; generatorNonSaturating: tf.Scalar } {
  return tf.tidy(() => {
    const realTerm = tf.softplus(realLogits.neg()).mean(); // −mean log D(x)
    const fakeTerm = tf.softplus(fakeLogits).mean();       // −mean log(1 − D(G(z)))
    const discriminator = realTerm.add(fakeTerm) as tf.Scalar;
    const generatorMinimax = fakeTerm.neg() as tf.Scalar;
    const generatorNonSaturating = tf.softplus(fakeLogits.neg()).mean() as tf.Scalar;
    return { discriminator, generatorMinimax, generatorNonSaturating };
  });
}
