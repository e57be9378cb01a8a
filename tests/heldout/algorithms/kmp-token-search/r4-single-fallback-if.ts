// Held-out wrong variant: on a mismatch during the text scan the algorithm falls back only once (`if` instead of `while`), so scans that need several successive fallbacks lose matches.
import * as tf from '@tensorflow/tfjs';

function prefixFunction(p: number[]): number[] {
  const pi: number[] = [0];
  for (let i = 1; i < p.length; i++) {
    let k = pi[i - 1];
    while (k > 0 && p[i] !== p[k]) k = pi[k - 1];
    pi.push(p[i] === p[k] ? k + 1 : k);
  }
  return pi;
}

export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  if (m > text.length) return [];
  const pi = prefixFunction(pattern);
  const matches: number[] = [];
  let j = 0;
  text.forEach((tok, i) => {
    if (j > 0 && tok !== pattern[j]) j = pi[j - 1];
    if (tok === pattern[j]) j++;
    if (j === m) {
      matches.push(i - m + 1);
      j = pi[m - 1];
    }
  });
  return matches;
}
