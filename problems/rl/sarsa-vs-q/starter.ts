import * as tf from '@tensorflow/tfjs';

/**
 * One-step TD-control targets for a batch of B transitions, from a Q table.
 * q: [S, A] float32; rewards, dones: [B] float32 (dones 0/1); nextStates, nextActions: [B] int32
 * (nextActions: the action the behaviour policy actually took in s′). gamma: discount;
 * epsilon: the ε of the ε-greedy policy used by expected SARSA.
 * sarsa = r + γ(1 − done)·Q[s′, a′]
 * expectedSarsa = r + γ(1 − done)·Σ_a π(a|s′)·Q[s′, a], π = ε-greedy w.r.t. Q[s′, ·]
 * qLearning = r + γ(1 − done)·max_a Q[s′, a]
 * Returns { sarsa, expectedSarsa, qLearning }, each [B] float32.
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
  // TODO
  throw new Error('TODO: implement tdControlTargets');
}
