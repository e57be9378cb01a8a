import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, plainNumber } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { beamSearch } from './reference';

/** Random cases are redrawn until every selection is decided by more than this, so float32 sums agree. */
const MARGIN = 1e-4;

/** The hand-made example: greedy ends with [1, 0, 1] (p = 0.075), two beams find [2, 3] (p = 0.32). */
const EXAMPLE_P = [
  [0.05, 0.5, 0.4, 0.05],
  [0.3, 0.3, 0.3, 0.1],
  [0.05, 0.05, 0.1, 0.8],
  [0.25, 0.25, 0.25, 0.25],
];
const EXAMPLE = tensorSpec(EXAMPLE_P.flat().map(Math.log), [4, 4]);

/** A random bigram log-prob table (rows are log-softmax), with an optional boost of the EOS column. */
function table(rng: Rng, vocab: number, scale: number, eos: number, eosBoost = 0): TensorSpec {
  const z = rng.normal([vocab, vocab], scale).data;
  const out: number[] = [];
  for (let a = 0; a < vocab; a++) {
    const row = Array.from(z.slice(a * vocab, (a + 1) * vocab), (x, j) => Number(x) + (j === eos ? eosBoost : 0));
    const m = Math.max(...row);
    const lse = m + Math.log(row.reduce((s, x) => s + Math.exp(x - m), 0));
    out.push(...row.map((x) => x - lse));
  }
  return tensorSpec(out, [vocab, vocab]);
}

/** Smallest score gap that decides a selection (the cut after beamWidth, and the winner), in float64. */
function decidingGap(logProbs: TensorSpec, start: number, width: number, maxLen: number, eos: number): number {
  const vocab = logProbs.shape[0];
  const lp = (a: number, b: number) => Number(logProbs.data[a * vocab + b]);
  let beams = [{ tokens: [] as number[], score: 0, done: false }];
  let gap = Infinity;
  for (let step = 0; step < maxLen && !beams.every((b) => b.done); step++) {
    const cands: typeof beams = [];
    for (const beam of beams) {
      if (beam.done) cands.push(beam);
      else for (let v = 0; v < vocab; v++) cands.push({ tokens: [...beam.tokens, v], score: beam.score + lp(beam.tokens.at(-1) ?? start, v), done: v === eos });
    }
    cands.sort((a, b) => b.score - a.score);
    if (cands.length > width) gap = Math.min(gap, cands[width - 1].score - cands[width].score);
    beams = cands.slice(0, width);
  }
  if (beams.length > 1) gap = Math.min(gap, beams[0].score - beams[1].score);
  return gap;
}

function searchCase(rng: Rng, name: string, vocab: number, width: number, maxLen: number, opts: { scale?: number; eosBoost?: number } = {}): CaseSpec {
  for (;;) {
    const eos = rng.int(0, vocab - 1);
    const start = rng.int(0, vocab - 1);
    const logProbs = table(rng, vocab, opts.scale ?? 1, eos, opts.eosBoost ?? 0);
    if (decidingGap(logProbs, start, width, maxLen, eos) > MARGIN) {
      return { name: `hidden: ${name}`, public: false, args: [logProbs, start, width, maxLen, eos] };
    }
  }
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    { name: 'example 1: two beams beat greedy', public: true, args: [EXAMPLE, 0, 2, 3, 3] },
    { name: 'example 2: beam width 1 is greedy', public: true, args: [EXAMPLE, 0, 1, 3, 3] },
    searchCase(rng, 'width 3, EOS plausible', 8, 3, 6, { eosBoost: -1 }),
    searchCase(rng, 'width 2, EOS rare (beams run to maxLen)', 10, 2, 5, { eosBoost: -4 }),
    searchCase(rng, 'width 1 (greedy)', 9, 1, 6, { eosBoost: -2 }),
    searchCase(rng, 'maxLen = 1', 7, 3, 1),
    searchCase(rng, 'width larger than the vocabulary', 4, 6, 4, { eosBoost: -1.5 }),
    searchCase(rng, 'peaked distributions (large-magnitude logits)', 12, 3, 6, { scale: 6, eosBoost: -6 }),
    searchCase(rng, 'flat distributions', 6, 4, 5, { scale: 0.3, eosBoost: -1 }),
    searchCase(rng, 'EOS likely (most beams finish early)', 6, 3, 7, { eosBoost: 1.5 }),
  ];
  // Exact ties: the start row gives ids 1 and 2 the same log-prob and rows 1 and 2 are identical,
  // so [1, x, …] and [2, x, …] always tie; the lexicographically smaller sequence must win.
  {
    const vocab = 5;
    const t = table(rng, vocab, 1, 4, 0.5);
    const d = Array.from(t.data, Number);
    for (let j = 0; j < vocab; j++) d[2 * vocab + j] = d[1 * vocab + j];
    // Start row: ids 1 and 2 share the top log-prob.
    const row0 = [0, 0.5, 0.5, -1, -1];
    const lse = Math.log(row0.reduce((acc, x) => acc + Math.exp(x), 0));
    row0.forEach((x, j) => (d[j] = x - lse));
    list.push({ name: 'hidden: exact ties (lexicographically smaller wins)', public: false, args: [tensorSpec(d, [vocab, vocab]), 0, 3, 4, 4] });
  }
  for (let i = 0; i < 3; i++) {
    list.push(searchCase(rng, `random ${i + 1}`, rng.int(3, 15), rng.int(2, 5), rng.int(2, 8), { scale: rng.pick([0.5, 1, 2]), eosBoost: rng.pick([-4, -2, -1]) }));
  }
  return list;
}

function ids(value: Plain | undefined): number[] | undefined {
  if (!value) return undefined;
  if (value.kind === 'tensor' && value.shape.length === 1) return Array.from(value.data, Number);
  if (value.kind !== 'array') return undefined;
  const out: number[] = [];
  for (const item of value.items) {
    if (item.kind !== 'number') return undefined;
    out.push(item.value);
  }
  return out;
}

/** tokens compared exactly (with a readable message), score within tolerance. */
function compare(expected: Plain, got: Plain, tolerance: Tolerance): Diagnostic | undefined {
  if (expected.kind !== 'object') return compareValues(expected, got, tolerance);
  if (got.kind !== 'object' || !('tokens' in got.entries) || !('score' in got.entries)) {
    return { kind: 'not-a-tensor', message: 'Return an object { tokens: number[], score: number }.' };
  }
  const want = ids(expected.entries.tokens) ?? [];
  const have = ids(got.entries.tokens);
  if (!have) return { kind: 'not-a-tensor', message: 'tokens must be a plain array of token ids, e.g. [2, 3].' };
  if (want.length !== have.length || want.some((v, i) => v !== have[i])) {
    return { kind: 'mismatch', path: '.tokens', message: `Best sequence: expected [${want.join(', ')}] (score ${Number((expected.entries.score as { value: number }).value).toFixed(4)}), got [${have.join(', ')}].` };
  }
  return compareValues(expected.entries.score, got.entries.score, tolerance, '.score');
}

export default defineProblem({
  id: 'decoding/beam-search',
  entry: 'beamSearch',
  argNames: ['logProbs', 'startToken', 'beamWidth', 'maxLen', 'eosId'],
  reference: beamSearch,
  // { tokens: number[] (at most maxLen ids), score: number }.
  output: objectOf({ tokens: arrayOf(plainNumber({ integer: true })), score: plainNumber() }),
  cases,
  compare,
  mistakes: [
    {
      id: 'top1-per-beam',
      title: 'each beam keeps only its own best continuation',
      explanation: 'Beam search ranks every (beam, next token) pair together: expand each live beam by all vocab tokens, then keep the beamWidth best candidates overall. Taking each beam’s argmax first is just several greedy searches.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sums-probabilities',
      title: 'probabilities summed instead of log-probabilities',
      explanation: 'A sequence’s probability is a product, so its score is the sum of log-probabilities. Adding raw probabilities rewards long sequences and is not a probability at all.',
      diagnostic: 'mismatch',
    },
    {
      id: 'finished-beams-extended',
      title: 'finished beams extended past EOS',
      explanation: 'A beam that produced EOS is complete: carry it over unchanged (same tokens, same score) so it competes with the live beams, but never append to it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beam-width-off-by-one',
      title: 'beamWidth + 1 beams kept',
      explanation: 'Keep exactly beamWidth candidates after each step (slice(0, beamWidth)); an inclusive bound searches a wider beam than asked and can find a different answer.',
      diagnostic: 'mismatch',
    },
  ],
});
