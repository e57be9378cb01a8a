export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  let tp = 0;
  let fp = 0;
  let area = 0;
  // Bug: one ROC point per sample, so tied scores are ordered arbitrarily (here by input position)
  // instead of moving the threshold past the whole tie at once.
  for (const i of order) {
    if (labels[i] === 1) tp++;
    else {
      fp++;
      area += tp;
    }
  }
  return area / (nPos * nNeg);
}
