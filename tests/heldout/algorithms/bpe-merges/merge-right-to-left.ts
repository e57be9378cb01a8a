// Held-out wrong variant: applies the merge scanning from the right, so "a a a" becomes "a aa" instead of "aa a".
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const seqs: string[][] = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    const freq = new Map<string, { a: string; b: string; n: number }>();
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s[i] + '\u0000' + s[i + 1];
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
      let i = s.length - 1;
      while (i >= 0) {
        if (i - 1 >= 0 && s[i - 1] === a && s[i] === b) {
          next.unshift(a + b);
          i -= 2;
        } else {
          next.unshift(s[i]);
          i -= 1;
        }
      }
      seqs[w] = next;
    }
  }
  return merges;
}
