// Held-out wrong variant: finished hypotheses (ending in EOS) are not carried over unchanged but are extended like live ones, from the EOS row of the table.
import * as tf from '@tensorflow/tfjs';

interface Hyp {
  tokens: number[];
  score: number;
}

function better(a: Hyp, b: Hyp): number {
  if (a.score !== b.score) return b.score - a.score;
  const n = Math.min(a.tokens.length, b.tokens.length);
  for (let i = 0; i < n; i++) {
    if (a.tokens[i] !== b.tokens[i]) return a.tokens[i] - b.tokens[i];
  }
  return a.tokens.length - b.tokens.length;
}

export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const lp = logProbs.arraySync() as number[][];
  const vocab = lp.length;
  let beams: Hyp[] = [{ tokens: [], score: 0 }];
  for (let step = 0; step < maxLen; step++) {
    const pool: Hyp[] = [];
    for (const h of beams) {
      const last = h.tokens.length > 0 ? h.tokens[h.tokens.length - 1] : startToken;
      for (let v = 0; v < vocab; v++) {
        pool.push({ tokens: [...h.tokens, v], score: h.score + lp[last][v] });
      }
    }
    pool.sort(better);
    beams = pool.slice(0, beamWidth);
  }
  return { tokens: beams[0].tokens, score: beams[0].score };
}
