// Held-out wrong variant: generation stops when EOS is produced but the EOS token itself is not appended to the output.
import * as tf from '@tensorflow/tfjs';

export function greedyDecode(logits: tf.Tensor2D, startToken: number, maxNewTokens: number, eosId: number): number[] {
  const nextOf = (tf.argMax(logits, 1).arraySync() as number[]);
  const ids: number[] = [];
  let x = startToken;
  for (let i = 0; i < maxNewTokens; i++) {
    const y = nextOf[x];
    if (y === eosId) break;
    ids.push(y);
    x = y;
  }
  return ids;
}
