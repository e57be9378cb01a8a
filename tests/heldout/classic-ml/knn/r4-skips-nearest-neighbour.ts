// Held-out wrong variant: the voters are taken as sorted[1..k] (as if skipping the query itself, leave-one-out style), so the single nearest training point never votes and the (k+1)-th one does.
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dists = trainX.map((x) => x.reduce((s, v, t) => s + (v - q[t]) * (v - q[t]), 0));
    const order = dists.map((_, i) => i).sort((i, j) => dists[i] - dists[j] || i - j);
    const voters = order.slice(1, k + 1);
    const counts: Record<number, number> = {};
    for (const i of voters) counts[trainY[i]] = (counts[trainY[i]] ?? 0) + 1;
    let best = Infinity;
    let bestCount = -1;
    for (const key of Object.keys(counts)) {
      const lab = Number(key);
      const c = counts[lab];
      if (c > bestCount || (c === bestCount && lab < best)) {
        bestCount = c;
        best = lab;
      }
    }
    return best;
  });
}
