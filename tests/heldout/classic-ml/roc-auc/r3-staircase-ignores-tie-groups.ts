// Held-out wrong variant: the ROC walk sorts by score and steps one sample at a time with rectangles, without grouping tied scores into one diagonal (trapezoid) segment, so ties are split according to sort order.
export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let nPos = 0;
  let nNeg = 0;
  for (const l of labels) (l === 1 ? nPos++ : nNeg++);
  let tp = 0;
  let area = 0;
  for (const i of idx) {
    if (labels[i] === 1) {
      tp += 1;
    } else {
      // moving right by 1/nNeg at the current height
      area += tp / nPos / nNeg;
    }
  }
  return area;
}
