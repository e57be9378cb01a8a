// Held-out wrong variant: the final hypothesis is chosen by average log-prob per token (a length penalty the statement rules out) instead of the total score.
import * as tf from '@tensorflow/tfjs';

interface Hyp {
  tokens: number[];
  score: number;
  finished: boolean;
}

/** Negative when a should come before b: higher score first, then lexicographically smaller tokens. */
function compareHyps(a: Hyp, b: Hyp): number {
  if (a.score !== b.score) return b.score - a.score;
  const n = Math.min(a.tokens.length, b.tokens.length);
  for (let i = 0; i < n; i++) {
    if (a.tokens[i] !== b.tokens[i]) return a.tokens[i] - b.tokens[i];
  }
  return a.tokens.length - b.tokens.length; // a proper prefix comes first
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
  let beams: Hyp[] = [{ tokens: [], score: 0, finished: false }];

  for (let step = 0; step < maxLen; step++) {
    if (beams.every((h) => h.finished)) break;
    const pool: Hyp[] = [];
    for (const h of beams) {
      if (h.finished) {
        pool.push(h); // carried over unchanged
        continue;
      }
      const last = h.tokens.length === 0 ? startToken : h.tokens[h.tokens.length - 1];
      const row = table[last];
      for (let v = 0; v < vocab; v++) {
        pool.push({ tokens: [...h.tokens, v], score: h.score + row[v], finished: v === eosId });
      }
    }
    pool.sort(compareHyps);
    beams = pool.slice(0, beamWidth);
  }

  const best = [...beams].sort((a, b) => b.score / b.tokens.length - a.score / a.tokens.length || compareHyps(a, b))[0];
  return { tokens: best.tokens, score: best.score };
}
