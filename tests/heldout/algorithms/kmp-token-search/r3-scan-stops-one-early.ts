// Held-out wrong variant: the text-scan loop runs only to n − 2 (`i < n - 1`), so a match ending at the last token of the text is never reported.
export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  const n = text.length;
  if (m > n) return [];
  const pi: number[] = new Array(m).fill(0);
  let k = 0;
  for (let i = 1; i < m; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = pi[k - 1];
    if (pattern[i] === pattern[k]) k++;
    pi[i] = k;
  }
  const matches: number[] = [];
  let j = 0;
  for (let i = 0; i < n - 1; i++) {
    while (j > 0 && text[i] !== pattern[j]) j = pi[j - 1];
    if (text[i] === pattern[j]) j++;
    if (j === m) {
      matches.push(i - m + 1);
      j = pi[m - 1];
    }
  }
  return matches;
}
