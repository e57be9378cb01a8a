// Held-out wrong variant: Candidates are ranked with tf.topk over the flattened (hypothesis, token) score list, so equal scores are broken by flattened index (parent beam rank first) instead of by the lexicographically smaller token sequence.
import * as tf from '@tensorflow/tfjs';

interface Beam {
  tokens: number[];
  score: number;
  finished: boolean;
}

export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const table = logProbs.arraySync() as number[][];
  const vocab = table.length;
  let beams: Beam[] = [{ tokens: [], score: 0, finished: false }];
  for (let t = 0; t < maxLen; t++) {
    if (beams.every((b) => b.finished)) break;
    const pool: Beam[] = [];
    for (const b of beams) {
      if (b.finished) {
        pool.push(b);
        continue;
      }
      const prev = b.tokens.length === 0 ? startToken : b.tokens[b.tokens.length - 1];
      for (let v = 0; v < vocab; v++) {
        pool.push({ tokens: b.tokens.concat(v), score: b.score + table[prev][v], finished: v === eosId });
      }
    }
    const keep = Math.min(beamWidth, pool.length);
    const order = tf.tidy(() => tf.topk(tf.tensor1d(pool.map((c) => c.score)), keep, true).indices.arraySync() as number[]);
    beams = order.map((i) => pool[i]);
  }
  return { tokens: beams[0].tokens, score: beams[0].score };
}
