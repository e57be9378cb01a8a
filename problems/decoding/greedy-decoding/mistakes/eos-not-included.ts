import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const best = tf.argMax(logits, 1);
  const next = best.arraySync() as number[];
  best.dispose();
  const out: number[] = [];
  let token = startToken;
  while (out.length < maxNewTokens) {
    token = next[token];
    // Bug: stops at EOS but drops it from the output.
    if (token === eosId) break;
    out.push(token);
  }
  return out;
}
