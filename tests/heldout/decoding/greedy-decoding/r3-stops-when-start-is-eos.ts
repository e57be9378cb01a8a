// Held-out wrong variant: The loop condition checks the current token against eosId before generating, so when startToken === eosId nothing is generated (returns []).
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const next = tf.tidy(() => tf.argMax(logits, 1).arraySync() as number[]);
  const out: number[] = [];
  let cur = startToken;
  while (out.length < maxNewTokens && cur !== eosId) {
    cur = next[cur];
    out.push(cur);
  }
  return out;
}
