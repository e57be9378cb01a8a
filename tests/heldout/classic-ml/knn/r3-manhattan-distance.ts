// Held-out wrong variant: neighbours are ranked by L1 (Manhattan) distance, sum of |x - q|, instead of Euclidean distance.
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  const n = trainX.length;
  const out: number[] = [];
  for (const q of testX) {
    const dist: number[] = [];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < q.length; t++) s += Math.abs(trainX[i][t] - q[t]);
      dist.push(s);
    }
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => (dist[a] !== dist[b] ? dist[a] - dist[b] : a - b));
    const counts: number[] = [];
    for (let r = 0; r < k; r++) {
      const lab = trainY[idx[r]];
      counts[lab] = (counts[lab] ?? 0) + 1;
    }
    let best = -1;
    let bestC = 0;
    for (let lab = 0; lab < counts.length; lab++) {
      if ((counts[lab] ?? 0) > bestC) {
        bestC = counts[lab];
        best = lab;
      }
    }
    out.push(best);
  }
  return out;
}
