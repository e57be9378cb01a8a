// Held-out wrong variant: hand-written argmax uses `>=`, so tied maxima go to the highest id instead of the lowest.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const table = logits.arraySync() as number[][];
  const out: number[] = [];
  let current = startToken;
  for (let step = 0; step < maxNewTokens; step++) {
    const row = table[current];
    let best = 0;
    for (let j = 1; j < row.length; j++) {
      if (row[j] >= row[best]) best = j;
    }
    out.push(best);
    if (best === eosId) break;
    current = best;
  }
  return out;
}
