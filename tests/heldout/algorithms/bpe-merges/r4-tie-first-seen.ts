// Held-out wrong variant: the most frequent pair is chosen with a strict `>` over the pair map in insertion order, so ties go to the first pair encountered in the corpus instead of the lexicographically smallest (left, right).
import * as tf from '@tensorflow/tfjs';

export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const corpus: string[][] = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let m = 0; m < numMerges; m++) {
    const freq = new Map<string, { a: string; b: string; f: number }>();
    corpus.forEach((syms, wi) => {
      for (let i = 0; i + 1 < syms.length; i++) {
        const key = syms[i] + '\u0000' + syms[i + 1];
        const e = freq.get(key);
        if (e) e.f += counts[wi];
        else freq.set(key, { a: syms[i], b: syms[i + 1], f: counts[wi] });
      }
    });
    if (freq.size === 0) break;
    let best: { a: string; b: string; f: number } | null = null;
    for (const e of freq.values()) {
      if (best === null || e.f > best.f) best = e;
    }
    const { a, b } = best!;
    merges.push([a, b]);
    for (let wi = 0; wi < corpus.length; wi++) {
      const syms = corpus[wi];
      const next: string[] = [];
      let i = 0;
      while (i < syms.length) {
        if (i + 1 < syms.length && syms[i] === a && syms[i + 1] === b) {
          next.push(a + b);
          i += 2;
        } else {
          next.push(syms[i]);
          i += 1;
        }
      }
      corpus[wi] = next;
    }
  }
  return merges;
}
