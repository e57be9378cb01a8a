// Held-out wrong variant: counts votes in an array indexed by label and scans it with >=, so a tie in votes goes to the largest label instead of the smallest.
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dists = trainX.map((x, i) => ({ i, d: x.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }));
    dists.sort((a, b) => a.d - b.d || a.i - b.i);
    const counts = new Array<number>(Math.max(...trainY) + 1).fill(0);
    for (const { i } of dists.slice(0, k)) counts[trainY[i]]++;
    let bestLabel = 0;
    for (let label = 0; label < counts.length; label++) {
      if (counts[label] >= counts[bestLabel]) bestLabel = label;
    }
    return bestLabel;
  });
}
