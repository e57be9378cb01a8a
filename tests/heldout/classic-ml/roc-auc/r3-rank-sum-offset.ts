// Held-out wrong variant: Mann–Whitney formula with 0-based (tie-averaged) ranks but still subtracting n+(n+ + 1)/2, so the U statistic is n+ too small.
export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const rank = new Array<number>(n);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const avg = (i + j) / 2; // 0-based average rank of the tie group
    for (let t = i; t <= j; t++) rank[order[t]] = avg;
    i = j + 1;
  }
  let nPos = 0;
  let rankSum = 0;
  for (let t = 0; t < n; t++) {
    if (labels[t] === 1) {
      nPos++;
      rankSum += rank[t];
    }
  }
  const nNeg = n - nPos;
  const u = rankSum - (nPos * (nPos + 1)) / 2;
  return u / (nPos * nNeg);
}
