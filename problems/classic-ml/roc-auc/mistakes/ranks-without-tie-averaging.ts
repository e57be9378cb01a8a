export function rocAuc(scores: number[], labels: number[]): number {
  // Mann–Whitney U from the rank sum of the positives.
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const rank = new Array<number>(scores.length);
  // Bug: tied scores get distinct ranks 1, 2, 3, … instead of their average rank.
  order.forEach((idx, r) => (rank[idx] = r + 1));
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  let rankSum = 0;
  labels.forEach((l, i) => {
    if (l === 1) rankSum += rank[i];
  });
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
