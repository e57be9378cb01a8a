// Held-out wrong variant: after a full match the matched length is reset to j = 0 instead of j = π[m−1], so overlapping matches are missed.
import * as tf from '@tensorflow/tfjs';

export function kmpSearch(text: number[], pattern: number[]): number[] {
  const n = text.length;
  const m = pattern.length;
  if (m > n) return [];
  const pi = new Array<number>(m).fill(0);
  let k = 0;
  for (let i = 1; i < m; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = pi[k - 1];
    if (pattern[i] === pattern[k]) k++;
    pi[i] = k;
  }
  const res: number[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (j > 0 && text[i] !== pattern[j]) j = pi[j - 1];
    if (text[i] === pattern[j]) j++;
    if (j === m) {
      res.push(i - m + 1);
      j = 0;
    }
  }
  return res;
}
