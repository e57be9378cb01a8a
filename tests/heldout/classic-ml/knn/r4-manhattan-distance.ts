// Held-out wrong variant: neighbours are ranked by L1 (Manhattan) distance, summing absolute differences, instead of Euclidean distance.
import * as tf from '@tensorflow/tfjs';

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  const n = trainX.length;
  const d = trainX[0].length;
  const preds: number[] = [];
  for (const q of testX) {
    const dist: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += Math.abs(trainX[i][t] - q[t]);
      dist[i] = s;
    }
    const idx = Array.from({ length: n }, (_, i) => i);
    idx.sort((a, b) => (dist[a] !== dist[b] ? dist[a] - dist[b] : a - b));
    const maxLabel = Math.max(...trainY);
    const counts = new Array(maxLabel + 1).fill(0);
    for (let r = 0; r < k; r++) counts[trainY[idx[r]]]++;
    let best = 0;
    for (let c = 1; c < counts.length; c++) if (counts[c] > counts[best]) best = c;
    preds.push(best);
  }
  return preds;
}
