// Held-out wrong variant: always looks up the start token's row instead of the last generated token's row, so it repeats the first prediction.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const next = tf.argMax(logits, 1).arraySync() as number[];
  const out: number[] = [];
  const cur = startToken;
  while (out.length < maxNewTokens) {
    const tok = next[cur];
    out.push(tok);
    if (tok === eosId) break;
  }
  return out;
}
