export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  let tpr = 0;
  let fpr = 0;
  let area = 0;
  for (let i = 0; i < order.length; ) {
    const s = scores[order[i]];
    let dtp = 0;
    let dfp = 0;
    while (i < order.length && scores[order[i]] === s) {
      if (labels[order[i]] === 1) dtp++;
      else dfp++;
      i++;
    }
    // Bug: integrates FPR over TPR (axes swapped).
    area += (dtp / nPos) * (fpr + dfp / nNeg / 2);
    tpr += dtp / nPos;
    fpr += dfp / nNeg;
  }
  return area;
}
