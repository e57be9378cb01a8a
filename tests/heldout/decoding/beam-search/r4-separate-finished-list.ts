// Held-out wrong variant: finished hypotheses are moved to a separate list that keeps them forever and the beam is refilled with live ones, instead of finished ones competing for (and possibly losing) a beam slot.
import * as tf from '@tensorflow/tfjs';

type Hyp = { tokens: number[]; score: number };

function cmp(a: Hyp, b: Hyp): number {
  if (a.score !== b.score) return a.score > b.score ? -1 : 1;
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
  let live: Hyp[] = [{ tokens: [], score: 0 }];
  const finished: Hyp[] = [];
  for (let step = 0; step < maxLen && live.length > 0; step++) {
    const cands: Hyp[] = [];
    for (const h of live) {
      const last = h.tokens.length ? h.tokens[h.tokens.length - 1] : startToken;
      for (let v = 0; v < vocab; v++) {
        cands.push({ tokens: [...h.tokens, v], score: h.score + lp[last][v] });
      }
    }
    cands.sort(cmp);
    const next: Hyp[] = [];
    for (const c of cands) {
      if (next.length >= beamWidth) break;
      if (c.tokens[c.tokens.length - 1] === eosId) finished.push(c);
      else next.push(c);
    }
    live = next;
  }
  const all = [...finished, ...live].sort(cmp);
  return { tokens: all[0].tokens, score: all[0].score };
}
