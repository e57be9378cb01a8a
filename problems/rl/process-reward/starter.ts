import * as tf from '@tensorflow/tfjs';

/**
 * Best-of-n selection with a process reward model (PRM), compared with an outcome reward model (ORM).
 * stepScores:    [P, K, S] float32, PRM score of step t of solution k of problem p; positions
 *                t >= lengths[p, k] are padding with arbitrary values and must be ignored.
 * lengths:       [P, K] int32, number of real steps of each solution (1 .. S).
 * outcomeScores: [P, K] float32, ORM score of each whole solution.
 * correct:       [P, K] bool, whether each solution's final answer is correct.
 * aggregation:   'min' | 'product' | 'last', how step scores become one solution score.
 * Returns { prmScores: [P, K] float32, prmChoice: [P] int32, ormChoice: [P] int32 (argmax per problem,
 *           lowest index among exact ties), prmAccuracy, ormAccuracy: scalar float32 (fraction of
 *           problems whose chosen solution is correct) }.
 */
export function processRewardBestOfN(
  stepScores: tf.Tensor3D,
  lengths: tf.Tensor2D,
  outcomeScores: tf.Tensor2D,
  correct: tf.Tensor2D,
  aggregation: 'min' | 'product' | 'last',
): {
  prmScores: tf.Tensor2D;
  prmChoice: tf.Tensor1D;
  ormChoice: tf.Tensor1D;
  prmAccuracy: tf.Scalar;
  ormAccuracy: tf.Scalar;
} {
  // TODO
  throw new Error('TODO: implement processRewardBestOfN');
}
