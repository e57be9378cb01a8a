// Held-out wrong variant: stops when EOS is produced but does not append the EOS token to the output.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const table = logits.arraySync() as number[][];
  const out: number[] = [];
  let current = startToken;
  for (let step = 0; step < maxNewTokens; step++) {
    const row = table[current];
    let best = 0;
    for (let j = 1; j < row.length; j++) {
      if (row[j] > row[best]) best = j;
    }
    if (best === eosId) break;
    out.push(best);
    current = best;
  }
  return out;
}
