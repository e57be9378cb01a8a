// Held-out wrong variant: a positive tied with a negative counts as a full win (s_i >= s_j) instead of one half.
export function rocAuc(scores: number[], labels: number[]): number {
  const pos: number[] = [];
  const neg: number[] = [];
  scores.forEach((s, i) => (labels[i] === 1 ? pos : neg).push(s));
  let wins = 0;
  for (const p of pos) {
    for (const q of neg) {
      if (p >= q) wins += 1;
    }
  }
  return wins / (pos.length * neg.length);
}
