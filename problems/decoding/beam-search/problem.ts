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

interface Hyp {
  tokens: number[];
  score: number;
  done: boolean;
}

/** The statement's order: higher score first, then the lexicographically smaller sequence. */
function statementOrder(a: Hyp, b: Hyp): number {
  if (a.score !== b.score) return b.score - a.score;
  for (let i = 0; i < Math.min(a.tokens.length, b.tokens.length); i++) if (a.tokens[i] !== b.tokens[i]) return a.tokens[i] - b.tokens[i];
  return a.tokens.length - b.tokens.length;
}

/** Beam search as the statement defines it, in float64, with a pluggable order; the final beams, best first. */
function search(logProbs: TensorSpec, start: number, width: number, maxLen: number, eos: number, order: (a: Hyp, b: Hyp) => number): Hyp[] {
  const vocab = logProbs.shape[0];
  let beams: Hyp[] = [{ tokens: [], score: 0, done: false }];
  for (let step = 0; step < maxLen && !beams.every((b) => b.done); step++) {
    const pool: Hyp[] = [];
    for (const beam of beams) {
      if (beam.done) pool.push(beam);
      else {
        const last = beam.tokens.at(-1) ?? start;
        for (let v = 0; v < vocab; v++) pool.push({ tokens: [...beam.tokens, v], score: beam.score + Number(logProbs.data[last * vocab + v]), done: v === eos });
      }
    }
    beams = pool.sort(order).slice(0, width);
  }
  return beams;
}

/** Log-probabilities of a table given as probabilities (rows sum to 1). */
function logTable(rows: number[][]): TensorSpec {
  rows.forEach((row, a) => {
    if (Math.abs(row.reduce((s, x) => s + x, 0) - 1) > 1e-9) throw new Error(`beam-search: row ${a} is not a distribution`);
  });
  return tensorSpec(rows.flat().map(Math.log), [rows.length, rows.length]);
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
  {
    // A tie between children of different parents, at the cut. Width 2, EOS = 5. Step 1 keeps [2]
    // (log 0.5) and [1] (log 0.3). Step 2: [2, 4] (0.2) leads; row 2 gives token 0 log 0.3 and row 1
    // gives token 3 log 0.5, so [2, 0] and [1, 3] both score log 0.5 + log 0.3 — the same two float32
    // numbers added in either order, an exact tie in any arithmetic — for the second slot. The
    // lexicographically smaller [1, 3] keeps it although its parent ranked second, and its peaked
    // continuation wins: [1, 3, 0] (0.135). A sort by score alone keeps the parents' order, keeps
    // [2, 0] and ends with [2, 0, 2] (0.075).
    const logProbs = logTable([
      [0.04, 0.3, 0.5, 0.1, 0.04, 0.02],
      [0.1, 0.1, 0.1, 0.5, 0.1, 0.1],
      [0.3, 0.05, 0.05, 0.05, 0.4, 0.15],
      [0.9, 0.02, 0.02, 0.02, 0.02, 0.02],
      [0.22, 0.2, 0.18, 0.16, 0.14, 0.1],
      [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6],
    ]);
    const afterTwo = search(logProbs, 0, 3, 2, 5, statementOrder);
    const best = search(logProbs, 0, 2, 3, 5, statementOrder)[0];
    const byScoreOnly = search(logProbs, 0, 2, 3, 5, (a, b) => b.score - a.score)[0];
    if (
      afterTwo.map((h) => h.tokens.join()).join(' ') !== '2,4 1,3 2,0' ||
      afterTwo[1].score !== afterTwo[2].score ||
      best.tokens.join() !== '1,3,0' ||
      byScoreOnly.tokens.join() !== '2,0,2'
    ) {
      throw new Error('beam-search: the cross-parent tie is off');
    }
    list.push({ name: 'hidden: exact tie between children of different parents at the cut (lexicographically smaller wins)', public: false, args: [logProbs, 0, 2, 3, 5] });
  }
  {
    // A finished hypothesis pushed out of the beam. Width 3, EOS = 5. Step 1 keeps [1] (0.5),
    // [2] (0.35) and the finished [5] (0.12). At step 2 four live candidates beat it — [1, 3] (0.25),
    // [1, 4] (0.225), [2, 0] (0.175), [2, 1] (0.1575) — so [5] leaves the beam for good. Everything
    // left ends below 0.12: the answer is [1, 3, 0] (0.1125), whereas keeping finished hypotheses in a
    // separate list (and refilling the beam with live ones) would return [5].
    const logProbs = logTable([
      [0.01, 0.5, 0.35, 0.01, 0.01, 0.12],
      [0.01, 0.01, 0.01, 0.5, 0.45, 0.02],
      [0.5, 0.45, 0.01, 0.01, 0.01, 0.02],
      [0.45, 0.2, 0.15, 0.1, 0.05, 0.05],
      [0.4, 0.25, 0.15, 0.1, 0.05, 0.05],
      [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6],
    ]);
    const best = search(logProbs, 0, 3, 3, 5, statementOrder)[0];
    const finished = Number(logProbs.data[5]);
    if (best.tokens.join() !== '1,3,0' || !(finished > best.score) || !(decidingGap(logProbs, 0, 3, 3, 5) > MARGIN)) throw new Error('beam-search: the pushed-out case is off');
    list.push({ name: 'hidden: a finished hypothesis pushed out of the beam stays out (it would have won)', public: false, args: [logProbs, 0, 3, 3, 5] });
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
      id: 'eos-ignored',
      title: 'EOS never handled: every hypothesis extended for all maxLen steps',
      explanation:
        'A hypothesis that has produced EOS is finished: carry it over unchanged (same tokens, same score) so it keeps competing for a slot, and never append to it. Without that, a finished sequence keeps growing past EOS and its score keeps dropping.',
      diagnostic: 'mismatch',
    },
    {
      id: 'finished-flag-kept-but-extended',
      title: 'finished hypotheses marked done but still extended',
      explanation:
        'Marking a hypothesis finished is not enough: when building the candidates, push a finished hypothesis into the pool as it is (same tokens, same score) instead of extending it by every token. Here the flag only ends the search early, while the finished sequences keep growing past EOS.',
      diagnostic: 'mismatch',
    },
    {
      id: 'picked-by-average-log-prob',
      title: 'final hypothesis picked by average log-probability per token',
      explanation:
        'Dividing the score by the length is a length penalty, and the statement asks for none: the score is the plain sum of log-probabilities. Return the surviving hypothesis with the highest total score (ties → lexicographically smaller tokens).',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-by-parent-order',
      title: 'equal scores ordered by parent rank instead of by tokens',
      explanation: 'Sorting by score alone (a stable sort) leaves tied candidates in the order they were built: children of the better-ranked hypothesis first. The statement breaks ties by comparing the token sequences themselves, across the whole pool: use a comparator that falls back to the lexicographic order.',
      diagnostic: 'mismatch',
    },
    {
      id: 'finished-set-aside',
      title: 'finished hypotheses kept in a separate list, beam refilled with live ones',
      explanation: 'Here a finished hypothesis keeps its slot and competes with the live candidates every step: once beamWidth better candidates appear it is gone for good, and the beam is not refilled to beamWidth live hypotheses. Put finished hypotheses back into the pool unchanged instead of setting them aside.',
      diagnostic: 'mismatch',
    },
    {
      id: 'beam-width-off-by-one',
      title: 'beamWidth + 1 beams kept',
      explanation: 'Keep exactly beamWidth candidates after each step (slice(0, beamWidth)); an inclusive bound searches a wider beam than asked and can find a different answer.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-extra-step',
      title: 'maxLen + 1 steps run (loop bound step <= maxLen)',
      explanation:
        'The loop must run at most maxLen times (step < maxLen). An inclusive bound lets hypotheses grow one token past the allowed length.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-step-short',
      title: 'only maxLen − 1 steps run',
      explanation:
        'Each step appends one token, so maxLen steps are needed to reach maxLen generated tokens. Stopping at maxLen − 1 cuts every hypothesis one token short.',
      diagnostic: 'mismatch',
    },
    {
      id: 'prefers-finished',
      title: 'a finished hypothesis returned even when a live one scores higher',
      explanation:
        'The answer is the best surviving hypothesis by score, finished or not. Returning the first EOS-terminated hypothesis of the final beam ignores live hypotheses that reached maxLen with a higher score.',
      diagnostic: 'mismatch',
    },
    {
      id: 'start-token-in-output',
      title: 'start token included in the returned tokens',
      explanation:
        'startToken is the prompt, not part of the generated sequence: return only the generated ids (EOS included when produced).',
      diagnostic: 'mismatch',
    },
    {
      id: 'eos-stripped',
      title: 'EOS dropped from the returned tokens',
      explanation:
        'The statement asks for the tokens including EOS when the hypothesis finished; stripping the trailing EOS returns a shorter sequence than the one that was scored.',
      diagnostic: 'mismatch',
    },
    {
      id: 'table-transposed',
      title: 'log-probability read as logProbs[next, last] (table transposed)',
      explanation:
        'Row a of logProbs holds log P(· | a): the score of appending v after last is logProbs[last][v]. Reading the column logProbs[v][last] scores transitions with the wrong conditional.',
      diagnostic: 'mismatch',
    },
    {
      id: 'always-extends-start-token',
      title: 'every step conditions on the start token instead of the last token',
      explanation:
        'A bigram model conditions on the previous token: the row to read is the hypothesis’s last token, and startToken only for the empty hypothesis.',
      diagnostic: 'mismatch',
    },
    {
      id: 'stops-at-first-eos',
      title: 'search stopped as soon as any hypothesis finishes',
      explanation:
        'Stopping early is only allowed once every hypothesis is finished. Stopping at the first EOS freezes the live hypotheses before they reach maxLen, and one of them may still end up best.',
      diagnostic: 'mismatch',
    },
  ],
});
