// Held-out wrong variant: The hand-written argmax uses >= so a tied row maximum goes to the highest token id instead of the lowest.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const rows = logits.arraySync() as number[][];
  const out: number[] = [];
  let cur = startToken;
  for (let i = 0; i < maxNewTokens; i++) {
    const row = rows[cur];
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] >= row[best]) best = j;
    out.push(best);
    if (best === eosId) break;
    cur = best;
  }
  return out;
}
