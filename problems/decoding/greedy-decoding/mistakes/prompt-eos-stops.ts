import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const best = tf.argMax(logits, 1);
  const next = best.arraySync() as number[];
  best.dispose();
  const out: number[] = [];
  let token = startToken;
  // Bug: the EOS test runs on the current token before each step, so a prompt equal to EOS stops
  // generation before anything is generated.
  while (out.length < maxNewTokens && token !== eosId) {
    token = next[token];
    out.push(token);
  }
  return out;
}
