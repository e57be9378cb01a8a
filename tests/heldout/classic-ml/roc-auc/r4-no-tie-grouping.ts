// Held-out wrong variant: the ROC walk treats every sorted sample as its own threshold (rectangle steps, no grouping of tied scores), so tied scores are ordered arbitrarily by the sort instead of forming one diagonal trapezoid segment.
import * as tf from '@tensorflow/tfjs';

export function rocAuc(scores: number[], labels: number[]): number {
  const n = scores.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let nPos = 0;
  let nNeg = 0;
  for (const l of labels) {
    if (l === 1) nPos++;
    else nNeg++;
  }
  let tp = 0;
  let area = 0;
  for (const i of idx) {
    if (labels[i] === 1) {
      tp++;
    } else {
      // one negative: FPR moves right by 1/nNeg at the current TPR
      area += tp / nPos / nNeg;
    }
  }
  return area;
}
