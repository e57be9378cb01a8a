// Held-out wrong variant: Mann-Whitney rank-sum AUC with tie-averaged ranks that are 0-based (positions 0..n-1) while still subtracting nPos(nPos+1)/2, so the AUC comes out low by 1/nNeg.
export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const rank = new Array<number>(n).fill(0);
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]] === scores[order[i]]) j++;
    const avg = (i + j) / 2;
    for (let t = i; t <= j; t++) rank[order[t]] = avg;
    i = j + 1;
  }
  let nPos = 0;
  let rankSum = 0;
  for (let t = 0; t < n; t++) {
    if (labels[t] === 1) { nPos++; rankSum += rank[t]; }
  }
  const nNeg = n - nPos;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
