// Held-out wrong variant: counts each distinct pair at most once per word, so overlapping/repeated pairs like (a, a) in "aaa" are undercounted.
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const seqs: string[][] = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    const freq = new Map<string, { a: string; b: string; n: number }>();
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      const seen = new Set<string>();
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s[i] + '\u0000' + s[i + 1];
        if (seen.has(key)) continue;
        seen.add(key);
        const e = freq.get(key);
        if (e) e.n += counts[w];
        else freq.set(key, { a: s[i], b: s[i + 1], n: counts[w] });
      }
    }
    if (freq.size === 0) break;
    let best: { a: string; b: string; n: number } | null = null;
    for (const e of freq.values()) {
      if (
        best === null ||
        e.n > best.n ||
        (e.n === best.n && (e.a < best.a || (e.a === best.a && e.b < best.b)))
      ) {
        best = e;
      }
    }
    const { a, b } = best!;
    merges.push([a, b]);
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      const next: string[] = [];
      let i = 0;
      while (i < s.length) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          next.push(a + b);
          i += 2;
        } else {
          next.push(s[i]);
          i += 1;
        }
      }
      seqs[w] = next;
    }
  }
  return merges;
}
