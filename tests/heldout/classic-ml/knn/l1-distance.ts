// Held-out wrong variant: ranks neighbours by L1 (Manhattan) distance instead of Euclidean distance.

export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  const n = trainX.length;
  return testX.map((q) => {
    const dist = trainX.map((x) => {
      let s = 0;
      for (let t = 0; t < q.length; t++) {
        const diff = x[t] - q[t];
        s += Math.abs(diff);
      }
      return s;
    });
    const taken = new Array(n).fill(false);
    const votes = new Map<number, number>();
    for (let seat = 0; seat < k; seat++) {
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (taken[i]) continue;
        if (best === -1 || dist[i] < dist[best]) best = i;
      }
      taken[best] = true;
      votes.set(trainY[best], (votes.get(trainY[best]) ?? 0) + 1);
    }
    let bestLabel = Infinity;
    let bestVotes = -1;
    for (const [label, count] of votes) {
      if (count > bestVotes || (count === bestVotes && label < bestLabel)) {
        bestVotes = count;
        bestLabel = label;
      }
    }
    return bestLabel;
  });
}
