import * as tf from '@tensorflow/tfjs';

/**
 * Discrete SAC quantities, vectorised: log π via a hand-rolled stable log-softmax
 * (x − max − log Σ exp(x − max)), exact expectations as row sums.
 */
function stableLogPolicy(x: tf.Tensor2D): tf.Tensor2D {
  const m = tf.max(x, 1, true);
  const shifted = tf.sub(x, m);
  const lse = tf.log(tf.sum(tf.exp(shifted), 1, true));
  return tf.sub(shifted, lse) as tf.Tensor2D;
}

export function sacTargets(
  rewards: tf.Tensor1D,
  dones: tf.Tensor1D,
  nextLogits: tf.Tensor2D,
  nextQ1: tf.Tensor2D,
  nextQ2: tf.Tensor2D,
  logits: tf.Tensor2D,
  q1: tf.Tensor2D,
  q2: tf.Tensor2D,
  logAlpha: number,
  gamma: number,
  targetEntropy: number,
): { qTarget: tf.Tensor1D; policyLoss: tf.Scalar; alphaLoss: tf.Scalar } {
  return tf.tidy(() => {
    const alpha = Math.exp(logAlpha);

    // soft state value at s'
    const nextLogPi = stableLogPolicy(nextLogits);
    const nextPi = tf.exp(nextLogPi);
    const nextMinQ = tf.minimum(nextQ1, nextQ2);
    const nextSoft = tf.sub(nextMinQ, tf.mul(alpha, nextLogPi));
    const vNext = tf.sum(tf.mul(nextPi, nextSoft), 1);
    const bootstrapped = tf.add(rewards, tf.mul(gamma, vNext));
    const terminal = tf.greater(dones, 0.5);
    const qTarget = tf.where(terminal, rewards, bootstrapped).toFloat() as tf.Tensor1D;

    // policy loss at s
    const logPi = stableLogPolicy(logits);
    const pi = tf.exp(logPi);
    const minQ = tf.minimum(q1, q2);
    const perRow = tf.sum(tf.mul(pi, tf.sub(tf.mul(alpha, logPi), minQ)), 1);
    const policyLoss = tf.mean(perRow) as tf.Scalar;

    // temperature loss
    const negEntropy = tf.sum(tf.mul(pi, logPi), 1);
    const alphaLoss = tf.mul(-logAlpha, tf.mean(tf.add(negEntropy, targetEntropy))) as tf.Scalar;

    return { qTarget, policyLoss, alphaLoss };
  });
}
