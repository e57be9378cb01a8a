import * as tf from '@tensorflow/tfjs';

/**
 * One-step TD-control targets, vectorised. The ε-greedy expectation is written in closed form:
 * Σ_a π_ε(a|s′) Q(s′, a) = ε · mean_a Q(s′, a) + (1 − ε) · max_a Q(s′, a),
 * which needs no argmax (ties are irrelevant).
 */
export function tdControlTargets(
  q: tf.Tensor2D,
  rewards: tf.Tensor1D,
  nextStates: tf.Tensor1D,
  nextActions: tf.Tensor1D,
  dones: tf.Tensor1D,
  gamma: number,
  epsilon: number,
): { sarsa: tf.Tensor1D; expectedSarsa: tf.Tensor1D; qLearning: tf.Tensor1D } {
  return tf.tidy(() => {
    const A = q.shape[1];
    const B = rewards.shape[0];
    const rows = tf.gather(q, tf.cast(nextStates, 'int32')) as tf.Tensor2D; // [B, A]

    // Q(s', a') picked with a one-hot mask
    const mask = tf.oneHot(tf.cast(nextActions, 'int32'), A).toFloat();
    const qTaken = tf.sum(tf.mul(rows, mask), 1);
    const qMax = tf.max(rows, 1);
    const qMean = tf.div(tf.sum(rows, 1), A);
    const qExp = tf.add(tf.mul(epsilon, qMean), tf.mul(1 - epsilon, qMax));

    const terminal = tf.greater(dones, 0.5);
    const target = (v: tf.Tensor1D | tf.Tensor): tf.Tensor1D =>
      tf.where(terminal, rewards, tf.add(rewards, tf.mul(gamma, v))).toFloat().reshape([B]) as tf.Tensor1D;

    return {
      sarsa: target(qTaken),
      expectedSarsa: target(qExp),
      qLearning: target(qMax),
    };
  });
}
