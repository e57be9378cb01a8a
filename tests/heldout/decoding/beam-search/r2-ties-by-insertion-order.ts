// Held-out wrong variant: sorts the candidate pool by score only (a stable sort), so equal scores keep insertion order (parent beam rank, then token id) instead of the lexicographic token order.
import * as tf from '@tensorflow/tfjs';

type Hyp = { tokens: number[]; score: number; done: boolean };

function lexLess(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const lp = logProbs.arraySync() as number[][];
  const V = lp.length;
  let beam: Hyp[] = [{ tokens: [], score: 0, done: false }];
  for (let t = 0; t < maxLen; t++) {
    if (beam.every((h) => h.done)) break;
    const pool: Hyp[] = [];
    for (const h of beam) {
      if (h.done) { pool.push(h); continue; }
      const last = h.tokens.length ? h.tokens[h.tokens.length - 1] : startToken;
      for (let v = 0; v < V; v++) {
        pool.push({ tokens: [...h.tokens, v], score: h.score + lp[last][v], done: v === eosId });
      }
    }
    pool.sort((a, b) => b.score - a.score);
    beam = pool.slice(0, beamWidth);
  }
  return { tokens: beam[0].tokens, score: beam[0].score };
}
