// Held-out wrong variant: stops at the first occurrence (stop-sequence habit) instead of reporting every match.
export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  const n = text.length;
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
      break;
    }
  }
  return res;
}
