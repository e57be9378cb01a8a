import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, plainNumber, tupleOf } from '../../../src/judge/contract';
import type { Plain } from '../../../src/judge/compare';
import type { Diagnostic } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { findBannedPhrases } from './reference';

const EXACT = { atol: 0, rtol: 0 };

function tokens(rng: Rng, n: number, vocab: number): number[] {
  return Array.from({ length: n }, () => rng.int(0, vocab - 1));
}

/**
 * k phrases of 2+ tokens over a small vocabulary; some are cut from the stream, some are suffixes or
 * prefixes of others. (Single-token phrases are in the hand-written cases; here they would flood the output.)
 */
function phrases(rng: Rng, stream: number[], k: number, vocab: number, maxLen: number): number[][] {
  const out: number[][] = [];
  while (out.length < k) {
    const kind = rng.int(0, 3);
    if (kind === 0 && out.length > 0) {
      const base = rng.pick(out);
      if (base.length > 2) out.push(base.slice(rng.int(1, base.length - 2))); // a proper suffix (≥ 2 tokens)
      continue;
    }
    if (kind === 1 && out.length > 0) {
      const base = rng.pick(out);
      if (base.length > 2) out.push(base.slice(0, rng.int(2, base.length - 1))); // a proper prefix (≥ 2 tokens)
      continue;
    }
    const len = rng.int(2, maxLen);
    if (kind === 2 && stream.length >= len) {
      const s = rng.int(0, stream.length - len);
      out.push(stream.slice(s, s + len));
    } else out.push(tokens(rng, len, vocab));
  }
  return out;
}

function random(rng: Rng, name: string, n: number, k: number, vocab: number, maxLen: number): CaseSpec {
  const stream = tokens(rng, n, vocab);
  return { name: `hidden: ${name}`, public: false, args: [stream, phrases(rng, stream, k, vocab, maxLen)] };
}

// Letters as token ids (a = 0, …): u 20, s 18, h 7, e 4, r 17, i 8.
const [U, S, H, E, R, I] = [20, 18, 7, 4, 17, 8];

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: nested, suffix and fallback phrases',
      public: true,
      args: [[1, 2, 3, 9, 3, 4, 6], [[1, 2], [2], [3, 4, 5], [4], [2, 3, 9]]],
    },
    {
      name: 'example 2: "ushers" with he / she / his / hers',
      public: true,
      args: [[U, S, H, E, R, S], [[H, E], [S, H, E], [H, I, S], [H, E, R, S]]],
    },
    { name: 'hidden: a run of one token, phrases of several lengths', public: false, args: [new Array(12).fill(3), [[3], [3, 3], [3, 3, 3, 3, 3]]] },
    { name: 'hidden: duplicate phrases', public: false, args: [[5, 6, 5, 6, 5], [[5, 6], [6, 5], [5, 6], [6]]] },
    { name: 'hidden: phrase longer than the stream', public: false, args: [[1, 2], [[1, 2, 3], [2]]] },
    { name: 'hidden: no phrase occurs', public: false, args: [[1, 2, 3, 4, 5], [[2, 1], [6], [3, 5]]] },
    { name: 'hidden: one-token stream', public: false, args: [[7], [[7], [7, 7], [8]]] },
    // Scanning: in state [0,0,0] the token 1 has no edge, nor has the failure node [0,0]; only a
    // second failure step (to [0], then the root) reaches the edge for phrase [1].
    { name: 'hidden: scan falls back two failure links', public: false, args: [[0, 0, 0, 1, 0, 1], [[0, 0, 0, 2], [1]]] },
    // Building: the failure link of [0,0,0,1] is [1], two steps up the chain [0,0] → [0] → root; then
    // [1, 5] starts inside the match of [0,0,0,1].
    { name: 'hidden: failure link found two steps up', public: false, args: [[0, 0, 0, 1, 5, 0, 1, 5], [[0, 0, 0, 1], [1, 5]]] },
    { name: 'hidden: large token ids', public: false, args: [[50256, 198, 50256, 198, 198, 11], [[50256, 198], [198], [198, 198, 11], [198, 50256]]] },
    random(rng, 'binary stream, many short phrases', 200, 12, 2, 5),
    random(rng, 'ternary stream, nested phrases', 300, 20, 3, 6),
    random(rng, 'four tokens, long phrases', 400, 15, 4, 8),
    random(rng, '800 tokens, 30 phrases', 800, 30, 4, 6),
  ];
  for (let i = 0; i < 3; i++) list.push(random(rng, `random ${i + 1}`, rng.int(5, 400), rng.int(1, 20), rng.int(3, 5), rng.int(2, 7)));
  return list;
}

function asPairs(value: Plain): string[] | undefined {
  if (value.kind !== 'array') return undefined;
  const out: string[] = [];
  for (const item of value.items) {
    if (item.kind !== 'array' || item.items.length !== 2 || item.items.some((x) => x.kind !== 'number')) return undefined;
    out.push(`[${item.items.map((x) => (x as { value: number }).value).join(', ')}]`);
  }
  return out;
}

function listText(xs: string[]): string {
  return xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, … (${xs.length} in all)` : xs.join(', ') || 'none';
}

/** Exact comparison of the [start, patternId] list, naming missing and unexpected occurrences. */
function compare(expected: Plain, got: Plain): Diagnostic | undefined {
  const want = asPairs(expected) ?? [];
  const have = asPairs(got);
  if (!have) return { kind: 'not-a-tensor', message: 'Return an array of [start, patternId] pairs, e.g. [[0, 1], [2, 0]].' };
  if (want.length === have.length && want.every((v, i) => v === have[i])) return undefined;
  const missing = want.filter((v) => !have.includes(v));
  const extra = have.filter((v) => !want.includes(v));
  const detail =
    missing.length || extra.length
      ? `missing ${listText(missing)}; unexpected ${listText(extra)}`
      : 'the same occurrences, but not sorted by start then patternId (or with duplicates)';
  return { kind: 'mismatch', message: `Expected ${want.length} occurrences, got ${have.length}: ${detail}.` };
}

export default defineProblem({
  id: 'algorithms/aho-corasick-banned-phrases',
  entry: 'findBannedPhrases',
  argNames: ['stream', 'patterns'],
  reference: findBannedPhrases,
  // number[][]: one [start, patternId] pair per occurrence.
  output: arrayOf(tupleOf(plainNumber({ integer: true }), plainNumber({ integer: true }))),
  cases,
  compare,
  mistakes: [
    {
      id: 'missing-output-links',
      title: 'output links missing: phrases that are suffixes of the match are not reported',
      explanation: 'When the automaton is in the state for "she", "he" has also just ended. Merge each node\'s outputs with those of its failure link (in BFS order), or walk the dictionary-suffix links when reporting.',
      diagnostic: 'mismatch',
    },
    {
      id: 'only-longest-match',
      title: 'only the longest phrase reported at each position',
      explanation: 'Several phrases can end at the same token (nested phrases, duplicates); report every one of them.',
      diagnostic: 'mismatch',
    },
    {
      id: 'non-overlapping',
      title: 'state reset to the root after a match',
      explanation: 'Keep scanning from the current state after reporting; resetting to the root loses phrases that overlap the one just found.',
      diagnostic: 'mismatch',
    },
    {
      id: 'failure-links-to-root',
      title: 'failure links all point to the root',
      explanation: 'A node\'s failure link is the longest proper suffix of its string that is also in the trie, found by BFS: follow the parent\'s failure links until one has a child for the token. Falling back to the root loses phrases that start inside a partial match.',
      diagnostic: 'mismatch',
    },
    {
      id: 'end-index',
      title: 'end index reported instead of the start',
      explanation: 'A phrase of length L ending at stream index i starts at i − L + 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scan-falls-back-to-root',
      title: 'scan falls back to the root instead of along failure links',
      explanation: 'On a token with no trie edge, follow failure links (the longest suffix still in the trie) until a node has the edge; jumping to the root forgets the suffix of the partial match, so a phrase starting inside it is missed.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scan-fallback-once',
      title: '"if" instead of "while" for the failure fallback during the scan',
      explanation: 'The node reached by one failure link may lack the token too; keep following failure links in a loop until a node has the edge or you are at the root.',
      diagnostic: 'mismatch',
    },
    {
      id: 'failure-fallback-once',
      title: '"if" instead of "while" when building a failure link',
      explanation: 'To find a child\'s failure link, follow the parent\'s failure links repeatedly until one has a child for the token (or the root is reached). Trying only one step leaves links pointing at the root too often.',
      diagnostic: 'mismatch',
    },
    {
      id: 'duplicate-phrase-overwrites',
      title: 'duplicate phrases: the later id overwrites the earlier one',
      explanation: 'Two phrases with the same tokens end at the same trie node; keep a list of ids per node and report both, instead of storing a single id.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unsorted-output',
      title: 'occurrences not sorted by start, then patternId',
      explanation: 'The scan finds occurrences by end position; a longer phrase ending later can start earlier. Sort the [start, patternId] pairs by start, then by patternId, before returning.',
      diagnostic: 'mismatch',
    },
    {
      id: 'start-off-by-one',
      title: 'start reported one too early (end − length instead of end − length + 1)',
      explanation: 'A phrase of length L ending at index i occupies i − L + 1 … i, so its start is i − L + 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sort-by-start-only',
      title: 'occurrences sorted by start only, ties not ordered by patternId',
      explanation: 'Several phrases can start at the same index (nested or duplicate phrases); break those ties by patternId: sort((a, b) => a[0] - b[0] || a[1] - b[1]).',
      diagnostic: 'mismatch',
    },
    {
      id: 'default-string-sort',
      title: 'occurrences sorted with the default (string) sort',
      explanation: 'sort() without a comparator converts each [start, id] pair to a string, so [10, 0] comes before [9, 1]. Sort numerically by start, then by patternId.',
      diagnostic: 'mismatch',
    },
    {
      id: 'start-from-state-depth',
      title: "start computed from the current node's depth instead of each phrase's length",
      explanation: 'The output set of a node also holds shorter phrases reached through failure links; each one starts at i − (its own length) + 1, not at the start of the longest match.',
      diagnostic: 'mismatch',
    },
  ],
  // Starts and ids are exact integers: a neighbouring start is a different answer at any magnitude.
  tolerance: { cpu: EXACT, wasm: EXACT, webgl: EXACT, webgpu: EXACT },
});
