/**
 * Aho–Corasick: find every occurrence of every banned phrase in a token stream.
 * stream: n token ids; patterns: k non-empty token sequences, pattern id = index in the array.
 * Returns [start, patternId] for every occurrence (overlapping, nested and duplicate patterns all
 * count), sorted by start, then patternId.
 */
export function findBannedPhrases(stream: number[], patterns: number[][]): number[][] {
  // TODO: build the trie, BFS the failure and output links, scan the stream once.
  return [];
}
