// Held-out wrong variant: The EOS check happens before the token is pushed, so a produced EOS stops generation but is left out of the output.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const rows = logits.arraySync() as number[][];
  const out: number[] = [];
  let cur = startToken;
  for (let i = 0; i < maxNewTokens; i++) {
    const row = rows[cur];
    let best = 0;
    for (let j = 1; j < row.length; j++) if (row[j] > row[best]) best = j;
    if (best === eosId) break;
    out.push(best);
    cur = best;
  }
  return out;
}
