// Held-out wrong variant: after the final update it runs one extra assignment step, so the returned assignments are against the final centroids rather than from the last assignment step.
import * as tf from '@tensorflow/tfjs';

function assign(points: number[][], centroids: number[][]): number[] {
  return tf.tidy(() => {
    const X = tf.tensor2d(points, undefined, 'float32');
    const C = tf.tensor2d(centroids, undefined, 'float32');
    // squared distances via explicit differences: [n, k]
    const diff = X.expandDims(1).sub(C.expandDims(0));
    const dist = diff.square().sum(2);
    return dist.argMin(1).arraySync() as number[];
  });
}

export function kMeans(
  points: number[][],
  initIndices: number[],
  iterations: number,
): { centroids: number[][]; assignments: number[] } {
  const k = initIndices.length;
  const d = points[0].length;
  let centroids = initIndices.map((i) => points[i].slice());
  let assignments: number[] = [];
  for (let it = 0; it < iterations; it++) {
    assignments = assign(points, centroids);
    const next = centroids.map((c) => c.slice());
    for (let j = 0; j < k; j++) {
      let cnt = 0;
      const sum = new Array<number>(d).fill(0);
      for (let i = 0; i < points.length; i++) {
        if (assignments[i] !== j) continue;
        cnt++;
        for (let t = 0; t < d; t++) sum[t] += points[i][t];
      }
      if (cnt > 0) next[j] = sum.map((v) => v / cnt);
    }
    centroids = next;
  }
  assignments = assign(points, centroids);
  return { centroids, assignments };
}
