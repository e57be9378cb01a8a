import * as tf from '@tensorflow/tfjs';

/**
 * Monte Carlo tree search with PUCT selection on a given tree.
 * children: [M, A] int32, child node of (node, action), −1 = illegal action. Node 0 is the root.
 * priors:   [M, A] float32, P(s, a) (ignored for illegal actions).
 * values:   [M] float32, the leaf evaluation of each node, from the point of view of the player to move there.
 * Each simulation: from the root, while the node is expanded and has a legal action, pick
 * argmax Q + U with U = cPuct · P · √(Σ_b N(s, b)) / (1 + N(s, a)) (Q = 0 when unvisited, lowest index on ties);
 * expand and evaluate the leaf; back the value up the path (negated at every ply when twoPlayer).
 * Returns { visits: [M, A] int32 N(s, a), q: [M, A] float32 mean value W/N (0 when unvisited),
 *           policy: [A] float32 ∝ N(root, a)^(1/temperature) (one-hot argmax when temperature = 0) }.
 */
export function mctsPuct(
  children: tf.Tensor2D,
  priors: tf.Tensor2D,
  values: tf.Tensor1D,
  numSimulations: number,
  cPuct: number,
  temperature: number,
  twoPlayer: boolean,
): { visits: tf.Tensor2D; q: tf.Tensor2D; policy: tf.Tensor1D } {
  // TODO
  throw new Error('TODO: implement mctsPuct');
}
