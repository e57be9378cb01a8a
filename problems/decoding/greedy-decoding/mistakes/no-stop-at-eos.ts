import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const best = tf.argMax(logits, 1);
  const next = best.arraySync() as number[];
  best.dispose();
  const out: number[] = [];
  let token = startToken;
  // Bug: never stops at EOS, always generates maxNewTokens tokens.
  while (out.length < maxNewTokens) {
    token = next[token];
    out.push(token);
  }
  return out;
}
