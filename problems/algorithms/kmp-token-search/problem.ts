import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, plainNumber } from '../../../src/judge/contract';
import type { Plain } from '../../../src/judge/compare';
import type { Diagnostic } from '../../../src/shared/protocol';
import type { Rng } from '../../../src/judge/rng';
import { kmpSearch } from './reference';

const EXACT = { atol: 0, rtol: 0 };

function tokens(rng: Rng, n: number, vocab: number, base = 0): number[] {
  return Array.from({ length: n }, () => base + rng.int(0, vocab - 1));
}

/** A text that is mostly repetitions of `unit` with random corruptions: many overlapping near-matches. */
function periodicText(rng: Rng, unit: number[], n: number, noise: number, vocab: number): number[] {
  return Array.from({ length: n }, (_, i) => (rng.next() < noise ? rng.int(0, vocab - 1) : unit[i % unit.length]));
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: overlapping matches', public: true, args: [[1, 2, 1, 2, 1, 3, 1, 2, 1, 2, 1], [1, 2, 1]] },
    { name: 'example 2: a run of one token', public: true, args: [[5, 5, 5, 5], [5, 5]] },
  ];
  const add = (name: string, text: number[], pattern: number[]) => list.push({ name: `hidden: ${name}`, public: false, args: [text, pattern] });
  add('failure function needs a fallback (pattern 0 1 0 0 0)', [1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0], [0, 1, 0, 0, 0]);
  add('binary text, pattern with a long border', periodicText(rng, [0, 1, 0, 1, 0, 0], 300, 0.1, 2), [0, 1, 0, 1, 0, 0, 0, 1, 0, 1]);
  add('overlapping occurrences of 0010001', periodicText(rng, [0, 0, 1, 0], 400, 0.05, 2), [0, 0, 1, 0, 0, 0, 1]);
  add('border fallback while scanning (ababc)', periodicText(rng, [0, 1, 0, 1, 0, 1, 2], 300, 0.05, 3), [0, 1, 0, 1, 2]);
  // Building fail[] for 0 0 0 1: at the 1, k = 2 falls back to 1, then to 0 (two steps; fail = [0, 1, 2, 0]).
  add('table needs two fallbacks in a row (pattern 0 0 0 1)', [0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1], [0, 0, 0, 1]);
  // Scanning 0 0 0 over 0 0 1 …: at the 1, j = 2 falls back to 1 and then to 0 before the 1 is consumed.
  add('scan needs two fallbacks in a row (pattern 0 0 0)', [0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0], [0, 0, 0]);
  add('pattern of length 1', tokens(rng, 50, 4), [2]);
  add('pattern longer than the text', [3, 1, 4], [3, 1, 4, 1]);
  add('pattern equals the text', [7, 8, 7, 8], [7, 8, 7, 8]);
  add('text of length 1, no match', [9], [8]);
  add('no match at all', tokens(rng, 100, 3), [3, 3]);
  add('all-equal text (every position matches)', new Array(60).fill(4), [4, 4, 4, 4, 4]);
  add('large token ids (vocabulary 50k)', periodicText(rng, [50256, 1012, 50256, 1012, 7], 200, 0.1, 3).map((t) => (t < 3 ? 40000 + t : t)), [50256, 1012, 50256]);
  add('match at the very end only', [...tokens(rng, 40, 2, 1), 0, 0, 0], [0, 0, 0]);
  add('5000 tokens, ternary', tokens(rng, 5000, 3), [0, 1, 0, 2, 0, 1, 0]);
  for (let i = 0; i < 3; i++) {
    const vocab = rng.int(2, 3);
    const text = tokens(rng, rng.int(20, 400), vocab);
    const start = rng.int(0, text.length - 6);
    add(`random ${i + 1}, pattern cut from the text`, text, text.slice(start, start + rng.int(2, 6)));
  }
  // A scan mismatch that must fall back through fail[] (a failure table built by resetting gives []).
  add('scan fallback to a border, no overlap (pattern 0 1 0 0 0)', [0, 1, 0, 0, 1, 0, 0, 0, 0], [0, 1, 0, 0, 0]);
  // fail[] for 0 0 1 0 0 0 0 needs k = 2 → fail[1] = 1 at index 5; dropping k to 0 and re-comparing gives 1 instead of 2.
  add('table fallback to a shorter border (pattern 0 0 1 0 0 0 0)', [0, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0]);
  return list;
}

function asIndexList(value: Plain): number[] | undefined {
  if (value.kind !== 'array') return undefined;
  const out: number[] = [];
  for (const item of value.items) {
    if (item.kind !== 'number') return undefined;
    out.push(item.value);
  }
  return out;
}

function listText(xs: number[]): string {
  return xs.length > 12 ? `[${xs.slice(0, 12).join(', ')}, …] (${xs.length} values)` : `[${xs.join(', ')}]`;
}

/** Index lists compared exactly, with a message that names the missing and extra positions. */
function compare(expected: Plain, got: Plain): Diagnostic | undefined {
  const want = asIndexList(expected) ?? [];
  const have = asIndexList(got);
  if (!have) return { kind: 'not-a-tensor', message: 'Return the start indices as a plain array of numbers, e.g. [0, 2, 6].' };
  if (want.length === have.length && want.every((v, i) => v === have[i])) return undefined;
  const missing = want.filter((v) => !have.includes(v));
  const extra = have.filter((v) => !want.includes(v));
  const detail =
    missing.length || extra.length
      ? `missing ${listText(missing)}, unexpected ${listText(extra)}`
      : 'the same positions, but not in ascending order without duplicates';
  return { kind: 'mismatch', message: `Expected ${want.length} start ${want.length === 1 ? 'index' : 'indices'} ${listText(want)}, got ${have.length} ${listText(have)}: ${detail}.` };
}

export default defineProblem({
  id: 'algorithms/kmp-token-search',
  entry: 'kmpSearch',
  argNames: ['text', 'pattern'],
  reference: kmpSearch,
  // number[]: every match's start index, ascending.
  output: arrayOf(plainNumber({ integer: true })),
  cases,
  compare,
  mistakes: [
    {
      id: 'non-overlapping',
      title: 'only non-overlapping matches',
      explanation: 'After a full match, continue from the border j = fail[m − 1], not from 0; otherwise matches that overlap the previous one (like [5, 5] at 0 and 1 in [5, 5, 5]) are skipped.',
      diagnostic: 'mismatch',
    },
    {
      id: 'end-index',
      title: 'start index off by one',
      explanation: 'When j reaches m at text position i, the match covers i − m + 1 … i, so its start is i − m + 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'failure-without-fallback',
      title: 'failure function resets instead of falling back',
      explanation: 'While building fail[], a mismatch must retry with the next shorter border (k = fail[k − 1]) in a loop; resetting k to 0 or 1 underestimates borders such as in [0,0,1,0,0,0,1].',
      diagnostic: 'mismatch',
    },
    {
      id: 'search-without-fallback',
      title: 'scan restarts the pattern on a mismatch',
      explanation: 'On a mismatch during the scan, fall back j = fail[j − 1] and compare the same text token again (a while loop). Restarting at 0 or 1 misses matches that begin inside the partial match.',
      diagnostic: 'mismatch',
    },
    {
      id: 'search-fallback-once',
      title: '"if" instead of "while" for the fallback during the scan',
      explanation: 'After one fallback j = fail[j − 1] the next border may mismatch the same token too; keep falling back in a while loop until it matches or j = 0. A single "if" compares the token with the wrong pattern position and reports matches that are not there.',
      diagnostic: 'mismatch',
    },
    {
      id: 'failure-fallback-once',
      title: '"if" instead of "while" for the fallback while building the failure table',
      explanation: 'When pattern[i] ≠ pattern[k], fall back k = fail[k − 1] repeatedly (a while loop) until it matches or k = 0. One fallback leaves borders too long, e.g. fail = [0, 1, 2, 1] instead of [0, 1, 2, 0] for 0 0 0 1, and the scan then reports false matches.',
      diagnostic: 'mismatch',
    },
    {
      id: 'first-match-only',
      title: 'stops at the first occurrence',
      explanation: 'Report every start index, not just the first: after a match keep scanning with j = π[m − 1] so later and overlapping matches are found too.',
      diagnostic: 'mismatch',
    },
    {
      id: 'scan-stops-one-short',
      title: 'scan stops before the last token of the text',
      explanation: 'The loop must visit every text index 0 … n − 1; with i < n − 1 a match that ends at the last token is never reported.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-end-indices',
      title: 'returned the index where each match ends instead of where it starts',
      explanation: 'When the scan completes a match at text position i, the match covers i − m + 1 … i; report its start i − m + 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'fallback-skips-token',
      title: 'after falling back, the current token is not re-compared',
      explanation: 'A mismatch at text[i] only shrinks the matched prefix to the border fail[j − 1]; text[i] must then be compared again with pattern[j] (a while loop), not skipped, or matches that begin inside the failed attempt are lost.',
      diagnostic: 'mismatch',
    },
    {
      id: 'failure-reset-then-recheck',
      title: 'failure table drops the border to 0 on a mismatch (then compares with pattern[0])',
      explanation: 'When pattern[i] ≠ pattern[k], the next candidate border is fail[k − 1], which may still extend; jumping straight to 0 and comparing only with pattern[0] loses the longer borders (a while loop over k = fail[k − 1] is needed).',
      diagnostic: 'mismatch',
    },
  ],
  // Start indices are exact integers: a neighbouring index is a different answer at any magnitude.
  tolerance: { cpu: EXACT, wasm: EXACT, webgl: EXACT, webgpu: EXACT },
});
