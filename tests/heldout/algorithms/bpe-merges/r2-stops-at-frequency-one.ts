// Held-out wrong variant: stops training when the best pair occurs only once (min frequency 2), although the statement only stops when no pair is left.
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const seqs = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    const freq = new Map<string, { a: string; b: string; n: number }>();
    seqs.forEach((s, w) => {
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s[i] + '\u0000' + s[i + 1];
        const e = freq.get(key);
        if (e) e.n += counts[w];
        else freq.set(key, { a: s[i], b: s[i + 1], n: counts[w] });
      }
    });
    if (freq.size === 0) break;
    if (Math.max(...[...freq.values()].map((e) => e.n)) < 2) break;
    let best: { a: string; b: string; n: number } | undefined;
    for (const e of freq.values()) {
      if (!best || e.n > best.n || (e.n === best.n && (e.a < best.a || (e.a === best.a && e.b < best.b)))) best = e;
    }
    const { a, b } = best!;
    merges.push([a, b]);
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      const merged: string[] = [];
      let i = 0;
      while (i < s.length) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          merged.push(a + b);
          i += 2;
        } else {
          merged.push(s[i]);
          i += 1;
        }
      }
      seqs[w] = merged;
    }
  }
  return merges;
}
