// Held-out wrong variant: sorts the neighbours with a boolean comparator (a.d > b.d), which never returns a negative number, so Array.prototype.sort does not produce a correct ascending order.
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dists = trainX.map((x, i) => ({ i, d: x.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }));
    dists.sort((a, b) => (a.d > b.d) as unknown as number);
    const votes = new Map<number, number>();
    for (const { i } of dists.slice(0, k)) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    let bestLabel = -1;
    let bestCount = -1;
    for (const [label, count] of votes) {
      if (count > bestCount || (count === bestCount && label < bestLabel)) { bestLabel = label; bestCount = count; }
    }
    return bestLabel;
  });
}
