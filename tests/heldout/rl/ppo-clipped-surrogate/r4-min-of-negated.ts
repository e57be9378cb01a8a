// Held-out wrong variant: the loss takes min(−r·A, −clip(r)·A) (the minimum after negating), which equals −max(...) and so picks the optimistic instead of the pessimistic surrogate.
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
    const ratio = tf.exp(tf.sub(logProbsNew, logProbsOld));
    const unclipped = tf.mul(ratio, advantages).neg();
    const clipped = tf.mul(tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps), advantages).neg();
    const pgLoss = tf.mean(tf.minimum(unclipped, clipped));
    const d = tf.sub(refLogProbs, logProbsNew);
    const approxKl = tf.mean(tf.sub(tf.sub(tf.exp(d), d), 1)) as tf.Scalar;
    const loss = tf.add(pgLoss, tf.mul(klCoef, approxKl)) as tf.Scalar;
    const clipFraction = tf.mean(tf.cast(tf.greater(tf.abs(tf.sub(ratio, 1)), clipEps), 'float32')) as tf.Scalar;
    return { loss, clipFraction, approxKl };
  });
}
