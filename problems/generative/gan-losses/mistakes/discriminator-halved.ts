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
    // Bug: discriminator loss halved, (real term + fake term) / 2.
    const realTerm = tf.softplus(realLogits.neg()).mean(); // −mean log D(x)
    const fakeTerm = tf.softplus(fakeLogits).mean(); // −mean log(1 − D(G(z)))
    const discriminator = realTerm.add(fakeTerm).mul(0.5) as tf.Scalar;
    const generatorMinimax = fakeTerm.neg() as tf.Scalar; // mean log(1 − D(G(z)))
    const generatorNonSaturating = tf.softplus(fakeLogits.neg()).mean() as tf.Scalar; // −mean log D(G(z))
    return { discriminator, generatorMinimax, generatorNonSaturating };
  });
}
