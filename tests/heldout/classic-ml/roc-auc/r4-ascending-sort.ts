// Held-out wrong variant: scores are sorted ascending instead of descending before sweeping the threshold, so the curve is walked from the wrong end and the result is 1 − AUC.
import * as tf from '@tensorflow/tfjs';

export function rocAuc(scores: number[], labels: number[]): number {
  const pairs = scores.map((s, i) => ({ s, y: labels[i] }));
  pairs.sort((a, b) => a.s - b.s);
  const P = labels.filter((y) => y === 1).length;
  const N = labels.length - P;
  let tpr = 0;
  let fpr = 0;
  let auc = 0;
  let i = 0;
  while (i < pairs.length) {
    let j = i;
    let dp = 0;
    let dn = 0;
    while (j < pairs.length && pairs[j].s === pairs[i].s) {
      if (pairs[j].y === 1) dp++;
      else dn++;
      j++;
    }
    const newTpr = tpr + dp / P;
    const newFpr = fpr + dn / N;
    auc += ((newFpr - fpr) * (tpr + newTpr)) / 2;
    tpr = newTpr;
    fpr = newFpr;
    i = j;
  }
  return auc;
}
