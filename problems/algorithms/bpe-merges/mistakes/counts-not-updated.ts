export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const symbols = words.map((w) => [...w]);
  // Bug: the pair counts are computed once, before any merge, and never recomputed, so merged
  // symbols never form new pairs and counts of pairs broken up by a merge stay stale.
  const pairCounts = new Map<string, { left: string; right: string; count: number }>();
  symbols.forEach((syms, w) => {
    for (let i = 0; i + 1 < syms.length; i++) {
      const key = JSON.stringify([syms[i], syms[i + 1]]);
      const entry = pairCounts.get(key) ?? { left: syms[i], right: syms[i + 1], count: 0 };
      entry.count += counts[w];
      pairCounts.set(key, entry);
    }
  });
  const ranked = [...pairCounts.values()].sort(
    (a, b) => b.count - a.count || (a.left < b.left ? -1 : a.left > b.left ? 1 : a.right < b.right ? -1 : a.right > b.right ? 1 : 0),
  );
  return ranked.slice(0, numMerges).map((e) => [e.left, e.right]);
}
