// Held-out wrong variant: checks for EOS on the current token before generating, so a prompt equal to eosId yields [].
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const table = logits.arraySync() as number[][];
  const out: number[] = [];
  let current = startToken;
  for (let step = 0; step < maxNewTokens; step++) {
    if (current === eosId) break;
    const row = table[current];
    let best = 0;
    for (let j = 1; j < row.length; j++) {
      if (row[j] > row[best]) best = j;
    }
    out.push(best);
    current = best;
  }
  return out;
}
