// Held-out wrong variant: when several labels share the most votes it predicts the label of the nearest tied neighbour (first reached in distance order) instead of the smallest label.
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const order = trainX
      .map((x, i) => ({ i, d: x.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }))
      .sort((a, b) => a.d - b.d || a.i - b.i)
      .slice(0, k);
    const votes = new Map<number, number>();
    for (const { i } of order) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    let bestLabel = -1;
    let bestVotes = -1;
    for (const [label, v] of votes) {
      if (v > bestVotes) {
        bestVotes = v;
        bestLabel = label;
      }
    }
    return bestLabel;
  });
}
