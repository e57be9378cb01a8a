// Held-out wrong variant: sorts scores ascending, sweeping the threshold in the wrong direction (gives 1 - AUC).

export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let nPos = 0;
  for (const y of labels) if (y === 1) nPos++;
  const nNeg = n - nPos;

  let tp = 0;
  let fp = 0;
  let area = 0; // in units of (positives × negatives)
  let i = 0;
  while (i < n) {
    const s = scores[order[i]];
    let groupPos = 0;
    let groupNeg = 0;
    while (i < n && scores[order[i]] === s) {
      if (labels[order[i]] === 1) groupPos++;
      else groupNeg++;
      i++;
    }
    // trapezoid: width groupNeg, heights tp and tp + groupPos
    area += groupNeg * (tp + groupPos / 2);
    tp += groupPos;
    fp += groupNeg;
  }
  return area / (nPos * nNeg);
}
