import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, tupleOf } from '../../../src/judge/contract';
import type { Plain } from '../../../src/judge/compare';
import type { Diagnostic } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { trainBpe } from './reference';

/** `n` distinct random words over `alphabet` with Zipf-like counts. */
function corpus(rng: Rng, n: number, alphabet: string, minLen: number, maxLen: number): [string[], number[]] {
  const words = new Set<string>();
  let guard = 0;
  while (words.size < n && guard++ < 10000) {
    const len = rng.int(minLen, maxLen);
    words.add(Array.from({ length: len }, () => alphabet[rng.int(0, alphabet.length - 1)]).join(''));
  }
  const list = [...words];
  return [list, list.map((_, i) => Math.max(1, Math.round(40 / (i + 1) + rng.int(0, 3))))];
}

function random(rng: Rng, name: string, n: number, alphabet: string, minLen: number, maxLen: number, merges: number): CaseSpec {
  return { name: `hidden: ${name}`, public: false, args: [...corpus(rng, n, alphabet, minLen, maxLen), merges] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: low / lower / newest / widest', public: true, args: [['low', 'lower', 'newest', 'widest'], [5, 2, 6, 3], 6] },
    { name: 'example 2: overlapping pairs and an early stop', public: true, args: [['aaa', 'aa'], [3, 1], 3] },
    { name: 'hidden: zero merges', public: false, args: [['hello', 'world'], [2, 1], 0] },
    { name: 'hidden: one word', public: false, args: [['banana'], [4], 4] },
    { name: 'hidden: single-letter words only (nothing to merge)', public: false, args: [['a', 'b', 'c'], [3, 2, 1], 2] },
    { name: 'hidden: long runs of one letter', public: false, args: [['aaaaa', 'aaaa', 'ab', 'aab'], [1, 2, 5, 1], 6] },
    { name: 'hidden: frequency beats number of words', public: false, args: [['xy', 'zw', 'zwzw', 'qr'], [50, 1, 1, 1], 3] },
    { name: 'hidden: all pairs tied', public: false, args: [['dc', 'ba', 'fe', 'hg'], [1, 1, 1, 1], 4] },
    // After (a, b): (a, z) and (ab, c) tie at 2. Left first: "a" < "ab" → (a, z); as merged strings
    // "abc" < "az" would pick (ab, c). (a, z) is also the tied pair seen first.
    { name: 'hidden: tie between a symbol and its extension ((a, z) vs (ab, c))', public: false, args: [['ab', 'az', 'abc'], [10, 2, 2], 3] },
    random(rng, 'two letters, 12 words', 12, 'ab', 2, 7, 10),
    random(rng, 'three letters, 20 words', 20, 'abc', 2, 8, 15),
    random(rng, 'five letters, 40 words', 40, 'abcde', 3, 9, 30),
    random(rng, 'more merges than possible', 5, 'xyz', 2, 4, 40),
  ];
  for (let i = 0; i < 3; i++) list.push(random(rng, `random ${i + 1}`, rng.int(3, 30), 'abcdefg'.slice(0, rng.int(2, 7)), 1, 8, rng.int(1, 25)));
  return list;
}

function asMerges(value: Plain): string[] | undefined {
  if (value.kind !== 'array') return undefined;
  const out: string[] = [];
  for (const item of value.items) {
    if (item.kind !== 'array' || item.items.length !== 2 || item.items.some((x) => x.kind !== 'other')) return undefined;
    out.push(`[${item.items.map((x) => (x as { description: string }).description).join(', ')}]`);
  }
  return out;
}

/** Merges compared exactly, in order; the message points at the first merge that differs. */
function compare(expected: Plain, got: Plain): Diagnostic | undefined {
  const want = asMerges(expected) ?? [];
  const have = asMerges(got);
  if (!have) return { kind: 'not-a-tensor', message: 'Return the merges as an array of [left, right] string pairs, e.g. [["e", "s"], ["es", "t"]].' };
  const first = want.findIndex((m, i) => m !== have[i]);
  if (first < 0 && want.length === have.length) return undefined;
  if (first < 0) {
    return { kind: 'mismatch', message: `The first ${want.length} merges are right, but you returned ${have.length}: stop when no pair is left, after at most numMerges merges.` };
  }
  return {
    kind: 'mismatch',
    message: `Merge #${first + 1} differs: expected ${want[first]}, got ${have[first] ?? 'nothing'} (${want.length} merges expected, ${have.length} returned).`,
  };
}

export default defineProblem({
  id: 'algorithms/bpe-merges',
  entry: 'trainBpe',
  argNames: ['words', 'counts', 'numMerges'],
  reference: trainBpe,
  // string[][]: the merges in order (at most numMerges), each [left, right].
  output: arrayOf(tupleOf({ kind: 'string' }, { kind: 'string' })),
  cases,
  compare,
  mistakes: [
    {
      id: 'word-counts-ignored',
      title: 'word frequencies ignored (each occurrence adds 1)',
      explanation: 'A pair inside a word that occurs 50 times counts 50 times: add counts[w] for each occurrence, not 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-first-seen',
      title: 'ties broken by first occurrence instead of lexicographically',
      explanation: 'When several pairs share the top count, take the smallest [left, right] (compare left, then right). Iteration order of a Map or object is insertion order, not sorted.',
      diagnostic: 'mismatch',
    },
    {
      id: 'merge-overlaps',
      title: 'merge reuses a symbol (overlapping application)',
      explanation: 'Apply a merge left to right and skip both symbols after merging: "a a a" with (a, a) becomes "aa a", not "aa aa a".',
      diagnostic: 'mismatch',
    },
    {
      id: 'counts-not-updated',
      title: 'pair counts never recomputed after a merge',
      explanation: 'After each merge, count the pairs again on the merged symbols: new pairs like (es, t) appear and pairs broken up by the merge lose their counts.',
      diagnostic: 'mismatch',
    },
    {
      id: 'pair-counted-once-per-word',
      title: 'a pair counted once per word, however often it occurs in it',
      explanation: 'Every position counts: "a a a" contains (a, a) twice, so it adds 2·count(w). Collecting a word\'s pairs in a Set first counts it once.',
      diagnostic: 'mismatch',
    },
    {
      id: 'merge-first-occurrence-only',
      title: 'merge applied only to the first occurrence in each word',
      explanation: 'A merge replaces every non-overlapping occurrence of the pair, scanning each word left to right ("a b a b" with (a, b) becomes "ab ab"). Stopping after the first one (indexOf + splice once) leaves the rest unmerged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-by-concatenation',
      title: 'ties compared on the merged string left + right',
      explanation: 'The tie rule compares left first, then right. The merged strings order differently when one left symbol is a prefix of the other: for (a, z) and (ab, c), left first picks (a, z) since "a" < "ab", while "abc" < "az" would pick (ab, c).',
      diagnostic: 'mismatch',
    },
    {
      id: 'stops-at-count-one',
      title: 'stops when the best pair occurs only once',
      explanation: 'Training stops only when no word has two symbols left. A pair with frequency 1 is still the most frequent one when nothing beats it, and is merged.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-to-largest-pair',
      title: 'ties go to the lexicographically largest pair',
      explanation: 'Among pairs with the same frequency, pick the smallest: compare left first, then right, with <.',
      diagnostic: 'mismatch',
    },
    {
      id: 'merge-right-to-left',
      title: 'merge applied right to left',
      explanation: 'Scan each word left to right and continue after a merged pair, so "a a a" becomes "aa a"; scanning from the right gives "a aa" and different later counts.',
      diagnostic: 'mismatch',
    },
    {
      id: 'merge-by-string-replace',
      title: 'merge applied by text replacement of "left right" in the joined word',
      explanation: 'Replacing the substring "a b" in the space-joined symbols also fires where a is only the end of a longer symbol or b the start of one ("xa b", "a bc"). Walk the symbol list and merge only where two whole symbols equal (left, right).',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-merge-too-many',
      title: 'one merge too many (loop runs numMerges + 1 times)',
      explanation: 'for (let step = 0; step <= numMerges; step++) learns an extra merge; stop after numMerges merges (or earlier when nothing is left to merge).',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-last-seen',
      title: 'ties go to the last pair seen (>= instead of a tie rule)',
      explanation: 'Among pairs with the same count, the lexicographically smallest (left, then right) wins. Replacing the best whenever count >= best.count keeps whichever tied pair happened to be counted last.',
      diagnostic: 'mismatch',
    },
  ],
});
