import * as tf from '@tensorflow/tfjs';

/**
 * Tabular Q-learning with ε-greedy exploration driven by given uniforms.
 * transitions: [S, A] int32, the (deterministic) next state of taking action a in state s.
 * rewards:     [S, A] float32, the reward of that step.
 * terminal:    [S] bool; entering a terminal state ends the episode.
 * q0:          [S, A] float32, the initial Q table (every row, terminal rows included).
 * uniforms:    [E, T, 2] float32 in [0, 1): E episodes of at most T steps; at step t of episode e,
 *              explore when uniforms[e, t, 0] < epsilon, and then take action floor(uniforms[e, t, 1] · A);
 *              otherwise take the greedy action (lowest index among exact ties).
 * Update: Q[s, a] += alpha · (r + gamma · max_a' Q[s', a'] · (s' not terminal) − Q[s, a]).
 * Returns { q: [S, A] float32, policy: [S] int32 (greedy, −1 on terminal states),
 *           lengths: [E] int32 (steps taken in each episode) }.
 */
export function qLearning(
  transitions: tf.Tensor2D,
  rewards: tf.Tensor2D,
  terminal: tf.Tensor1D,
  q0: tf.Tensor2D,
  uniforms: tf.Tensor3D,
  start: number,
  alpha: number,
  gamma: number,
  epsilon: number,
): { q: tf.Tensor2D; policy: tf.Tensor1D; lengths: tf.Tensor1D } {
  // TODO
  throw new Error('TODO: implement qLearning');
}
