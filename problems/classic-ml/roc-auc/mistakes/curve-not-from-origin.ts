export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  // ROC points, one per distinct threshold from high to low.
  // Bug: the curve should start at (0, 0); without it the first segment's area is lost.
  const points: [number, number][] = [];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < order.length; ) {
    const s = scores[order[i]];
    while (i < order.length && scores[order[i]] === s) {
      if (labels[order[i]] === 1) tp++;
      else fp++;
      i++;
    }
    points.push([fp / nNeg, tp / nPos]);
  }
  let area = 0;
  for (let k = 1; k < points.length; k++) {
    const [x0, y0] = points[k - 1];
    const [x1, y1] = points[k];
    area += ((x1 - x0) * (y0 + y1)) / 2;
  }
  return area;
}
