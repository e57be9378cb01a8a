// Held-out wrong variant: pair frequencies are counted once per occurrence without multiplying by the word's count, ignoring the word-frequency weights.
import * as tf from '@tensorflow/tfjs';

export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  let vocab: string[][] = words.map((w) => [...w]);
  const result: string[][] = [];
  while (result.length < numMerges) {
    const pairCounts: Record<string, number> = {};
    const pairs: Record<string, [string, string]> = {};
    for (const syms of vocab) {
      for (let i = 0; i < syms.length - 1; i++) {
        const k = JSON.stringify([syms[i], syms[i + 1]]);
        pairCounts[k] = (pairCounts[k] ?? 0) + 1;
        pairs[k] = [syms[i], syms[i + 1]];
      }
    }
    const keys = Object.keys(pairCounts);
    if (keys.length === 0) break;
    let bestKey = keys[0];
    for (const k of keys) {
      const [l, r] = pairs[k];
      const [bl, br] = pairs[bestKey];
      if (
        pairCounts[k] > pairCounts[bestKey] ||
        (pairCounts[k] === pairCounts[bestKey] && (l < bl || (l === bl && r < br)))
      ) {
        bestKey = k;
      }
    }
    const [left, right] = pairs[bestKey];
    result.push([left, right]);
    vocab = vocab.map((syms) => {
      const merged: string[] = [];
      for (let i = 0; i < syms.length; i++) {
        if (i < syms.length - 1 && syms[i] === left && syms[i + 1] === right) {
          merged.push(left + right);
          i++;
        } else {
          merged.push(syms[i]);
        }
      }
      return merged;
    });
  }
  return result;
}
