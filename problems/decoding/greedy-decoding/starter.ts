import * as tf from '@tensorflow/tfjs';

/**
 * logits: [vocab, vocab] float32 — row a holds the next-token logits after token a (a bigram model).
 * startToken: the prompt token. maxNewTokens: at most this many tokens are generated (≥ 0).
 * eosId: the end-of-sequence token; generation stops right after it is produced.
 * Returns the generated token ids as a plain number[]: the start token excluded, EOS included.
 * Ties in a row: the lower token id wins.
 */
export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  // TODO: repeatedly take the argmax of the current token's row
  return [];
}
