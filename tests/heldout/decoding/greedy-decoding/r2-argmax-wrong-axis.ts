// Held-out wrong variant: takes the argmax over axis 0 (down each column) instead of along each row, so the next token is read from the transposed table.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const next = tf.argMax(logits, 0).arraySync() as number[];
  const out: number[] = [];
  let cur = startToken;
  while (out.length < maxNewTokens) {
    cur = next[cur];
    out.push(cur);
    if (cur === eosId) break;
  }
  return out;
}
