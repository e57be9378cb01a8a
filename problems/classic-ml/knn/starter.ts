/**
 * k-nearest-neighbour classification.
 * trainX: n × d, trainY: n integer labels, testX: m × d, k: 1 ≤ k ≤ n.
 * Neighbours by Euclidean distance, equal distances → smaller training index first.
 * Majority vote among the k nearest; a tie in votes → the smallest label.
 * Returns m predicted labels.
 */
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  // TODO
  return testX.map(() => -1);
}
