// Held-out wrong variant: finished hypotheses are moved to a separate list, so they no longer occupy beam slots and the live beam is refilled to full width every step.
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
  const done: Hyp[] = [];

  for (let step = 0; step < maxLen; step++) {
    if (beams.length === 0) break;
    const pool: Hyp[] = [];
    for (const h of beams) {
      const last = h.tokens.length === 0 ? startToken : h.tokens[h.tokens.length - 1];
      const row = table[last];
      for (let v = 0; v < vocab; v++) {
        pool.push({ tokens: [...h.tokens, v], score: h.score + row[v], finished: v === eosId });
      }
    }
    pool.sort(compareHyps);
    for (const h of pool.slice(0, beamWidth)) if (h.finished) done.push(h);
    beams = pool.filter((h) => !h.finished).slice(0, beamWidth);
  }

  const best = [...done, ...beams].sort(compareHyps)[0];
  return { tokens: best.tokens, score: best.score };
}
