import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  // Bug: argmax down each column (axis 0) instead of along each row.
  const best = tf.argMax(logits, 0);
  const next = best.arraySync() as number[];
  best.dispose();
  const out: number[] = [];
  let token = startToken;
  while (out.length < maxNewTokens) {
    token = next[token];
    out.push(token);
    if (token === eosId) break;
  }
  return out;
}
