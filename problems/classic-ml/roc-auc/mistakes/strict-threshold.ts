export function rocAuc(scores: number[], labels: number[]): number {
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  let area = 0;
  let prevX = 0;
  let prevY = 0;
  for (const t of thresholds) {
    let tp = 0;
    let fp = 0;
    scores.forEach((s, i) => {
      // Bug: s > t leaves out the threshold's own group, so the curve never reaches (1, 1).
      if (s > t) {
        if (labels[i] === 1) tp++;
        else fp++;
      }
    });
    const x = fp / nNeg;
    const y = tp / nPos;
    area += ((x - prevX) * (y + prevY)) / 2;
    prevX = x;
    prevY = y;
  }
  return area;
}
