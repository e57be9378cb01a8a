// Held-out wrong variant: orders the distinct thresholds with the default Array.prototype.sort (string comparison) and reverse, so numbers are swept in lexicographic rather than numeric order.
export function rocAuc(scores: number[], labels: number[]): number {
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  const thresholds = [...new Set(scores)].sort().reverse();
  let tp = 0;
  let area = 0;
  for (const th of thresholds) {
    let dtp = 0;
    let dfp = 0;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] !== th) continue;
      if (labels[i] === 1) dtp++; else dfp++;
    }
    area += dfp * (tp + dtp / 2);
    tp += dtp;
  }
  return area / (nPos * nNeg);
}
