// Held-out wrong variant: the loop condition checks the current token against eosId before generating, so when startToken === eosId nothing is generated (the prompt is treated as if EOS had been produced).
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const out: number[] = [];
  let cur = startToken;
  while (out.length < maxNewTokens && cur !== eosId) {
    const row = tf.tidy(() => tf.argMax(tf.gather(logits, [cur]), 1));
    const next = (row.dataSync() as Int32Array)[0];
    row.dispose();
    out.push(next);
    cur = next;
  }
  return out;
}
