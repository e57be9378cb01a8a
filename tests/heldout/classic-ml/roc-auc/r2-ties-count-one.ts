// Held-out wrong variant: a tied group adds the full height of its top (tp + dtp) instead of the trapezoid midpoint, so positive-negative ties count as 1 instead of 1/2.
export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = n - nPos;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let i = 0;
  while (i < n) {
    const s = scores[order[i]];
    let dtp = 0;
    let dfp = 0;
    while (i < n && scores[order[i]] === s) {
      if (labels[order[i]] === 1) dtp++; else dfp++;
      i++;
    }
    area += dfp * (tp + dtp);
    tp += dtp;
    fp += dfp;
  }
  return area / (nPos * nNeg);
}
