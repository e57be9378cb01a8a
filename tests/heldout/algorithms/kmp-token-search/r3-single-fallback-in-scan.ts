// Held-out wrong variant: on a mismatch during the text scan it falls back only once (`if` instead of `while`), so scans that need a chain of fallbacks lose matches.
export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  const n = text.length;
  const out: number[] = [];
  if (m > n) return out;
  const fail: number[] = [0];
  let len = 0;
  let i = 1;
  while (i < m) {
    if (pattern[i] === pattern[len]) {
      len++;
      fail[i] = len;
      i++;
    } else if (len > 0) {
      len = fail[len - 1];
    } else {
      fail[i] = 0;
      i++;
    }
  }
  let j = 0;
  for (let t = 0; t < n; t++) {
    if (j > 0 && text[t] !== pattern[j]) j = fail[j - 1];
    if (text[t] === pattern[j]) j++;
    if (j === m) {
      out.push(t - m + 1);
      j = fail[m - 1];
    }
  }
  return out;
}
