// Held-out wrong variant: ties in pair frequency are broken by comparing the concatenated strings left+right instead of comparing left first, then right.
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const syms = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let m = 0; m < numMerges; m++) {
    const freq = new Map<string, { a: string; b: string; f: number }>();
    syms.forEach((s, wi) => {
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s[i] + '\u0000' + s[i + 1];
        const e = freq.get(key);
        if (e) e.f += counts[wi];
        else freq.set(key, { a: s[i], b: s[i + 1], f: counts[wi] });
      }
    });
    if (freq.size === 0) break;
    let best: { a: string; b: string; f: number } | null = null;
    for (const e of freq.values()) {
      if (!best || e.f > best.f || (e.f === best.f && e.a + e.b < best.a + best.b)) best = e;
    }
    const { a, b } = best!;
    merges.push([a, b]);
    for (let wi = 0; wi < syms.length; wi++) {
      const s = syms[wi];
      const out: string[] = [];
      let i = 0;
      while (i < s.length) {
        if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
          out.push(a + b);
          i += 2;
        } else {
          out.push(s[i]);
          i += 1;
        }
      }
      syms[wi] = out;
    }
  }
  return merges;
}
