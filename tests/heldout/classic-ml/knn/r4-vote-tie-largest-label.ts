// Held-out wrong variant: the vote count uses `>=` when scanning labels in increasing order, so a tie in votes goes to the largest tied label instead of the smallest.
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  const n = trainX.length;
  return testX.map((q) => {
    const order = trainX
      .map((x, i) => ({ i, d: x.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }))
      .sort((a, b) => a.d - b.d || a.i - b.i);
    const votes = new Map<number, number>();
    for (let r = 0; r < k && r < n; r++) {
      const lab = trainY[order[r].i];
      votes.set(lab, (votes.get(lab) ?? 0) + 1);
    }
    const labels = [...votes.keys()].sort((a, b) => a - b);
    let best = -1;
    let bestVotes = -1;
    for (const lab of labels) {
      const v = votes.get(lab)!;
      if (v >= bestVotes) {
        bestVotes = v;
        best = lab;
      }
    }
    return best;
  });
}
