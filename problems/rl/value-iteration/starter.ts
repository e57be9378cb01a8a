import * as tf from '@tensorflow/tfjs';

/**
 * Value iteration on a deterministic grid world.
 * rewards: [H, W] float32 — the reward for entering a cell (also for bumping and staying in it).
 * walls, terminals: [H, W] bool. Moving off the grid or into a wall leaves the agent in place.
 * Actions: 0 = up (row − 1), 1 = right (col + 1), 2 = down (row + 1), 3 = left (col − 1).
 * Start from V = 0 and run `sweeps` synchronous sweeps of
 *   V(s) ← max_a [ rewards[s'] + gamma · V(s') ]   (terminals and walls stay at 0).
 * Returns { values: [H, W] float32, policy: [H, W] int32 } where policy is the greedy action under
 * the final values (lowest index among ties), and −1 on walls and terminals.
 */
export function valueIteration(
  rewards: tf.Tensor2D,
  walls: tf.Tensor2D,
  terminals: tf.Tensor2D,
  gamma: number,
  sweeps: number,
): { values: tf.Tensor2D; policy: tf.Tensor2D } {
  // TODO
  return { values: tf.zerosLike(rewards), policy: tf.zeros(rewards.shape, 'int32') };
}
