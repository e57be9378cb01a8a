// trainX: n × d, trainY: n integer labels, testX: m × d, k: neighbours (1 ≤ k ≤ n).
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dist = trainX.map((p, i) => ({ i, d: p.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }));
    // Nearest first; sort is stable (ES2019), so equal distances keep the smaller training index first.
    dist.sort((a, b) => a.d - b.d);
    const votes = new Map<number, number>();
    // Bug: only k - 1 neighbours vote
    for (const { i } of dist.slice(0, k - 1)) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    // Majority label; a tie in votes goes to the smallest label.
    let best = Infinity;
    let bestVotes = -1;
    for (const [label, count] of votes) {
      if (count > bestVotes || (count === bestVotes && label < best)) {
        best = label;
        bestVotes = count;
      }
    }
    return best;
  });
}
