// Held-out wrong variant: the hand-written argmax uses >= so tied maxima in a row go to the highest token id instead of the lowest.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const table = logits.arraySync() as number[][];
  const result: number[] = [];
  let tok = startToken;
  for (let step = 0; step < maxNewTokens; step++) {
    const row = table[tok];
    let best = 0;
    for (let j = 1; j < row.length; j++) {
      if (row[j] >= row[best]) best = j;
    }
    result.push(best);
    if (best === eosId) break;
    tok = best;
  }
  return result;
}
