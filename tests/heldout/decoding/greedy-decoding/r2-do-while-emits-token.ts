// Held-out wrong variant: uses a do-while loop, so one token is generated even when maxNewTokens is 0.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const next = tf.argMax(logits, 1).arraySync() as number[];
  const out: number[] = [];
  let cur = startToken;
  do {
    cur = next[cur];
    out.push(cur);
    if (cur === eosId) break;
  } while (out.length < maxNewTokens);
  return out;
}
