/**
 * Area under the ROC curve.
 * scores: n numbers (higher = more positive); labels: n values in {0, 1}, both classes present.
 * Returns the AUC = P(score of a random positive > score of a random negative), with ties counting 1/2.
 */
export function rocAuc(scores: number[], labels: number[]): number {
  // TODO: sort by score, walk the thresholds, integrate TPR over FPR.
  return 0;
}
