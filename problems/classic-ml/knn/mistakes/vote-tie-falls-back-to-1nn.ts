// trainX: n × d, trainY: n integer labels, testX: m × d, k: neighbours (1 ≤ k ≤ n).
export function knnClassify(trainX: number[][], trainY: number[], testX: number[][], k: number): number[] {
  return testX.map((q) => {
    const dist = trainX.map((p, i) => ({ i, d: p.reduce((s, v, t) => s + (v - q[t]) ** 2, 0) }));
    // Nearest first; equal distances keep the smaller training index first.
    dist.sort((a, b) => a.d - b.d || a.i - b.i);
    const votes = new Map<number, number>();
    for (const { i } of dist.slice(0, k)) votes.set(trainY[i], (votes.get(trainY[i]) ?? 0) + 1);
    // Majority label.
    const top = Math.max(...votes.values());
    const tied = [...votes].filter(([, count]) => count === top);
    // Bug: a tie in votes falls back to the 1-nearest neighbour's label, even when that label is not
    // among the tied ones; the rule is the smallest tied label.
    return tied.length === 1 ? tied[0][0] : trainY[dist[0].i];
  });
}
