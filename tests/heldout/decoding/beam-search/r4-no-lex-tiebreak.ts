// Held-out wrong variant: candidates are ranked by score only (stable sort in parent-beam order), so exact score ties are not broken toward the lexicographically smaller token sequence.
import * as tf from '@tensorflow/tfjs';

export function beamSearch(
  logProbs: tf.Tensor2D,
  startToken: number,
  beamWidth: number,
  maxLen: number,
  eosId: number,
): { tokens: number[]; score: number } {
  const table = logProbs.arraySync() as number[][];
  const V = table.length;
  let beam: { toks: number[]; s: number; done: boolean }[] = [{ toks: [], s: 0, done: false }];
  for (let t = 0; t < maxLen; t++) {
    if (beam.every((h) => h.done)) break;
    const cands: { toks: number[]; s: number; done: boolean }[] = [];
    for (const h of beam) {
      if (h.done) {
        cands.push(h);
        continue;
      }
      const prev = h.toks.length ? h.toks[h.toks.length - 1] : startToken;
      const row = table[prev];
      for (let v = 0; v < V; v++) {
        cands.push({ toks: h.toks.concat(v), s: h.s + row[v], done: v === eosId });
      }
    }
    cands.sort((a, b) => b.s - a.s);
    beam = cands.slice(0, beamWidth);
  }
  return { tokens: beam[0].toks, score: beam[0].s };
}
