// Held-out wrong variant: The surrogate is computed as min(r, clip(r, 1-eps, 1+eps)) * A, factoring A out of the min, which picks the wrong branch when A < 0.
import * as tf from '@tensorflow/tfjs';

export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
): { loss: tf.Scalar; clipFraction: tf.Scalar; approxKl: tf.Scalar } {
  return tf.tidy(() => {
    const logRatio = tf.sub(logProbsNew, logProbsOld);
    const ratio = tf.exp(logRatio);
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps);
    const pg = tf.mean(tf.mul(tf.minimum(ratio, clipped), advantages));
    const diff = tf.sub(refLogProbs, logProbsNew);
    const approxKl = tf.mean(tf.sub(tf.sub(tf.exp(diff), diff), 1)) as tf.Scalar;
    const clipFraction = tf.mean(tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), clipEps), 'float32')) as tf.Scalar;
    const loss = tf.add(tf.neg(pg), tf.mul(klCoef, approxKl)) as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
