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

// logProbs: [vocab, vocab], row a = log P(next | a). Returns the best generated sequence
// (start token excluded, EOS included when produced) and its total log-probability.
export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const table = logProbs.arraySync();
  let beams: Beam[] = [{ tokens: [], score: 0, done: false }];
  // Bug: inclusive bound, one step too many
  for (let step = 0; step <= maxLen && !beams.every((b) => b.done); step++) {
    const candidates: Beam[] = [];
    for (const beam of beams) {
      if (beam.done) {
        candidates.push(beam); // finished beams compete unchanged; they are never extended
        continue;
      }
      const last = beam.tokens.length ? beam.tokens[beam.tokens.length - 1] : startToken;
      table[last].forEach((lp, v) => candidates.push({ tokens: [...beam.tokens, v], score: beam.score + lp, done: v === eosId }));
    }
    // Global selection: every expansion of every beam competes for the beamWidth slots.
    beams = candidates.sort(better).slice(0, beamWidth);
  }
  return { tokens: beams[0].tokens, score: beams[0].score };
}
