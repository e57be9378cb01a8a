/**
 * Byte-pair-encoding training on a word-frequency table.
 * words: distinct words (start as lists of characters); counts: frequency of each word; numMerges ≥ 0.
 * Each step: count adjacent symbol pairs weighted by word frequency, merge the most frequent pair
 * (ties → lexicographically smallest [left, right]) everywhere, left to right without overlap.
 * Stop early when no pair is left. Returns the merges in order as [left, right] string pairs.
 */
export function trainBpe(words: string[], counts: number[], numMerges: number): string[][] {
  // TODO
  return [];
}
