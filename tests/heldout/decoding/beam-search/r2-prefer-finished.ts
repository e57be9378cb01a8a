// Held-out wrong variant: returns the best finished (EOS-terminated) hypothesis whenever one is in the final beam, even if a live hypothesis scores higher.
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
    pool.sort((a, b) => (b.score - a.score) || lexLess(a.tokens, b.tokens));
    beam = pool.slice(0, beamWidth);
  }
  const best = beam.find((h) => h.done) ?? beam[0];
  return { tokens: best.tokens, score: best.score };
}
