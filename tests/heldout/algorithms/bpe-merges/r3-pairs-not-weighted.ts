// Held-out wrong variant: pair frequencies add 1 per occurrence instead of the word's count, so the word-frequency table is ignored.
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  let corpus: string[][] = words.map((w) => [...w]);
  const result: string[][] = [];
  while (result.length < numMerges) {
    const freq: Record<string, number> = {};
    const pairOf: Record<string, [string, string]> = {};
    for (const s of corpus) {
      for (let i = 0; i < s.length - 1; i++) {
        const key = JSON.stringify([s[i], s[i + 1]]);
        freq[key] = (freq[key] ?? 0) + 1;
        pairOf[key] = [s[i], s[i + 1]];
      }
    }
    const keys = Object.keys(freq);
    if (keys.length === 0) break;
    keys.sort((x, y) => {
      if (freq[x] !== freq[y]) return freq[y] - freq[x];
      const [xa, xb] = pairOf[x];
      const [ya, yb] = pairOf[y];
      if (xa !== ya) return xa < ya ? -1 : 1;
      if (xb !== yb) return xb < yb ? -1 : 1;
      return 0;
    });
    const [a, b] = pairOf[keys[0]];
    result.push([a, b]);
    corpus = corpus.map((s) => {
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i < s.length - 1 && s[i] === a && s[i + 1] === b) {
          out.push(a + b);
          i++;
        } else {
          out.push(s[i]);
        }
      }
      return out;
    });
  }
  return result;
}
