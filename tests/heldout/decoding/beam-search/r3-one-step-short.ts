// Held-out wrong variant: The step loop starts at 1 instead of 0, so only maxLen - 1 expansion steps are run (maxLen = 1 returns an empty hypothesis).
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
  for (let step = 1; step < maxLen; step++) {
    if (beam.every((h) => h.done)) break;
    const cands: Hyp[] = [];
    for (const h of beam) {
      if (h.done) {
        cands.push(h);
        continue;
      }
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
