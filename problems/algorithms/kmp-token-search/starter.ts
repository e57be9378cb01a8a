/**
 * Knuth–Morris–Pratt search over token ids.
 * text: n token ids; pattern: m ≥ 1 token ids.
 * Returns every index s with text[s..s+m-1] == pattern, ascending, overlapping matches included.
 * Aim for O(n + m).
 */
export function kmpSearch(text: number[], pattern: number[]): number[] {
  // TODO: build the failure function, then scan the text once.
  return [];
}
