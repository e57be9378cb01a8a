// Held-out wrong variant: among training points at equal distance the sort puts the larger training index first (tie-break comparator reversed).
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  const d2 = testX.map((q) => trainX.map((x) => x.reduce((s, v, t) => s + (v - q[t]) * (v - q[t]), 0)));
  return d2.map((row) => {
    const idx = row.map((_, i) => i);
    idx.sort((a, b) => row[a] - row[b] || b - a);
    const votes = new Map<number, number>();
    for (const i of idx.slice(0, k)) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    let best = Infinity;
    let bestV = 0;
    for (const [lab, v] of votes) {
      if (v > bestV || (v === bestV && lab < best)) {
        bestV = v;
        best = lab;
      }
    }
    return best;
  });
}
