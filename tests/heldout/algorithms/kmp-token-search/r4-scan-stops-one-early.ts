// Held-out wrong variant: the text scan loop runs for i < n − 1 instead of i < n, so the last token is never examined and a match ending at the very end of the text is missed.
import * as tf from '@tensorflow/tfjs';

export function kmpSearch(text: number[], pattern: number[]): number[] {
  const n = text.length;
  const m = pattern.length;
  const out: number[] = [];
  if (m > n) return out;
  const fail = new Int32Array(m);
  for (let i = 1, len = 0; i < m; ) {
    if (pattern[i] === pattern[len]) {
      fail[i++] = ++len;
    } else if (len > 0) {
      len = fail[len - 1];
    } else {
      fail[i++] = 0;
    }
  }
  let j = 0;
  for (let i = 0; i < n - 1; i++) {
    while (j > 0 && text[i] !== pattern[j]) j = fail[j - 1];
    if (text[i] === pattern[j]) j++;
    if (j === m) {
      out.push(i - m + 1);
      j = fail[m - 1];
    }
  }
  return out;
}
