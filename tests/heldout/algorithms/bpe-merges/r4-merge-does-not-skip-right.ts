// Held-out wrong variant: when merging, the loop does not skip the extra position after emitting the merged symbol, so the right-hand symbol of every merged pair is also kept (a b c becomes ab b c).
import * as tf from '@tensorflow/tfjs';

export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  const seqs = words.map((w) => w.split(''));
  const merges: string[][] = [];
  for (let step = 0; step < numMerges; step++) {
    const freq = new Map<string, number>();
    const sep = ' ';
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      for (let i = 0; i + 1 < s.length; i++) {
        const key = s[i] + sep + s[i + 1];
        freq.set(key, (freq.get(key) || 0) + counts[w]);
      }
    }
    if (freq.size === 0) break;
    let bestL = '';
    let bestR = '';
    let bestF = -1;
    for (const [key, f] of freq) {
      const [l, r] = key.split(sep);
      if (f > bestF || (f === bestF && (l < bestL || (l === bestL && r < bestR)))) {
        bestF = f;
        bestL = l;
        bestR = r;
      }
    }
    merges.push([bestL, bestR]);
    for (let w = 0; w < seqs.length; w++) {
      const s = seqs[w];
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        if (i + 1 < s.length && s[i] === bestL && s[i + 1] === bestR) {
          out.push(bestL + bestR);
        } else {
          out.push(s[i]);
        }
      }
      seqs[w] = out;
    }
  }
  return merges;
}
