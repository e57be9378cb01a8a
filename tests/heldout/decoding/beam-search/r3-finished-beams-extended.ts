// Held-out wrong variant: Finished hypotheses (ending in EOS) are not carried over unchanged but are extended by every token like live ones.
import * as tf from '@tensorflow/tfjs';

type Hyp = { tokens: number[]; score: number; done: boolean };

function lexCompare(a: number[], b: number[]): number {
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
  const vocab = lp.length;
  let beam: Hyp[] = [{ tokens: [], score: 0, done: false }];
  for (let step = 0; step < maxLen; step++) {
    if (beam.every((h) => h.done)) break;
    const cands: Hyp[] = [];
    for (const h of beam) {
      const last = h.tokens.length > 0 ? h.tokens[h.tokens.length - 1] : startToken;
      for (let v = 0; v < vocab; v++) {
        cands.push({ tokens: [...h.tokens, v], score: h.score + lp[last][v], done: v === eosId });
      }
    }
    cands.sort((a, b) => (b.score !== a.score ? b.score - a.score : lexCompare(a.tokens, b.tokens)));
    beam = cands.slice(0, beamWidth);
  }
  return { tokens: beam[0].tokens, score: beam[0].score };
}
