// Held-out wrong variant: takes neighbours slice(1, k + 1), skipping the nearest training point as if it were the query itself (leave-one-out habit).
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dists = trainX.map((x, i) => ({ i, d: x.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }));
    dists.sort((a, b) => a.d - b.d || a.i - b.i);
    const votes = new Map<number, number>();
    for (const { i } of dists.slice(1, k + 1)) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    let bestLabel = -1;
    let bestCount = -1;
    for (const [label, count] of votes) {
      if (count > bestCount || (count === bestCount && label < bestLabel)) { bestLabel = label; bestCount = count; }
    }
    return bestLabel;
  });
}
