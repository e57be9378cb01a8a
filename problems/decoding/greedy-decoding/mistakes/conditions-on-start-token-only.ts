import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const best = tf.argMax(logits, 1);
  const next = best.arraySync() as number[];
  best.dispose();
  const out: number[] = [];
  while (out.length < maxNewTokens) {
    // Bug: always reads the start token's row instead of the last generated token's.
    const token = next[startToken];
    out.push(token);
    if (token === eosId) break;
  }
  return out;
}
