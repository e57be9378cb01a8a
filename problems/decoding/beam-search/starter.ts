import * as tf from '@tensorflow/tfjs';

/**
 * logProbs: [vocab, vocab] float32, row a = log P(next token | a) (a bigram model).
 * Beam search from startToken with beamWidth beams for at most maxLen steps; a beam that produces
 * eosId is finished: it keeps its slot and score and is never extended. No length penalty.
 * Returns the best beam: { tokens: generated ids (start excluded, EOS included), score: Σ log-probs }.
 * Ties: the lexicographically smaller token sequence wins.
 */
export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  // TODO: expand every live beam by every token, keep the best beamWidth candidates, repeat
  return { tokens: [], score: 0 };
}
