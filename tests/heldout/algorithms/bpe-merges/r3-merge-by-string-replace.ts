// Held-out wrong variant: the merge is applied by replacing "a b" in the space-joined symbol string, which also matches across symbol boundaries (e.g. "xa b" or "a bc" where a or b is only part of a symbol).
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  let vocab = words.map((w) => w.split('').join(' '));
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    const stats = new Map<string, number>();
    vocab.forEach((w, wi) => {
      const s = w.split(' ');
      for (let i = 0; i < s.length - 1; i++) {
        const key = s[i] + ' ' + s[i + 1];
        stats.set(key, (stats.get(key) ?? 0) + counts[wi]);
      }
    });
    if (stats.size === 0) break;
    let bestKey = '';
    let bestF = -1;
    let bestPair: string[] = [];
    for (const [key, f] of stats) {
      const pair = key.split(' ');
      if (
        f > bestF ||
        (f === bestF && (pair[0] < bestPair[0] || (pair[0] === bestPair[0] && pair[1] < bestPair[1])))
      ) {
        bestF = f;
        bestKey = key;
        bestPair = pair;
      }
    }
    merges.push(bestPair);
    const merged = bestPair[0] + bestPair[1];
    vocab = vocab.map((w) => w.split(bestKey).join(merged));
  }
  return merges;
}
