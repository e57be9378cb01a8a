import * as tf from '@tensorflow/tfjs';

interface Beam {
  tokens: number[];
  score: number;
  done: boolean;
}

/** Higher score first; equal scores → the lexicographically smaller token sequence first. */
function better(a: Beam, b: Beam): number {
  if (a.score !== b.score) return b.score - a.score;
  for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) {
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
  const table = logProbs.arraySync();
  // Bug: finished hypotheses are moved to a separate list (as some libraries do) instead of keeping
  // their slot in the beam; the beam is refilled with live hypotheses, and a finished one can never
  // be pushed out.
  const finished: Beam[] = [];
  let beams: Beam[] = [{ tokens: [], score: 0, done: false }];
  for (let step = 0; step < maxLen && beams.length > 0; step++) {
    const candidates: Beam[] = [];
    for (const beam of beams) {
      const last = beam.tokens.length ? beam.tokens[beam.tokens.length - 1] : startToken;
      table[last].forEach((lp, v) => candidates.push({ tokens: [...beam.tokens, v], score: beam.score + lp, done: v === eosId }));
    }
    candidates.sort(better);
    const live: Beam[] = [];
    for (const [rank, candidate] of candidates.entries()) {
      if (candidate.done) {
        if (rank < beamWidth) finished.push(candidate);
      } else if (live.length < beamWidth) {
        live.push(candidate);
      }
    }
    beams = live;
  }
  const best = [...finished, ...beams].sort(better)[0];
  return { tokens: best.tokens, score: best.score };
}
