import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { isTensorSpec, tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { speculativeAccept } from './reference';

/** Uniforms stay this far from every acceptance ratio and CDF value, so float32 rounding never matters. */
const MARGIN = 1e-4;
/** The largest float32 below 1. */
const JUST_BELOW_ONE = 1 - 2 ** -24;
/** Cases with at least this many rows that share one (q, p) are also judged statistically. */
const STAT_MIN_ROWS = 1000;
/** Each emitted position seen at least this often must match p within this total variation. */
const STAT_MIN_COUNT = 600;
const TV_TOL = 0.08;

const fmt = (xs: number[]) => `[${xs.map((x) => x.toFixed(3)).join(', ')}]`;

function softmaxRow(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, c) => a + c, 0);
  return e.map((x) => Math.fround(x / s));
}

function cdfOf(row: number[]): number[] {
  const s = row.reduce((a, c) => a + c, 0);
  let acc = 0;
  return row.map((x) => (acc += x / s));
}

/** First id with cdf > u (float64), for drawing drafts from q. */
function drawFrom(rng: Rng, row: number[]): number {
  const u = rng.next();
  const cdf = cdfOf(row);
  const i = cdf.findIndex((c) => c > u);
  return i < 0 ? row.length - 1 : i;
}

function safeUniform(rng: Rng, avoid: number[]): number {
  for (;;) {
    const x = Math.fround(rng.next());
    if (x < 1 - MARGIN && avoid.every((a) => Math.abs(a - x) > MARGIN)) return x;
  }
}

interface Step {
  q: number[][]; // [k][vocab]
  p: number[][]; // [k + 1][vocab]
}

/**
 * A batch of verification steps. Draft tokens are drawn from q (as a draft model would), and the
 * uniforms are drawn with a margin around the boundaries the reference's answer depends on.
 */
function buildCase(rng: Rng, name: string, steps: Step[], pub = false, forced?: { tokens?: number[][]; acceptU?: number[][]; residualU?: number[] }): CaseSpec {
  const batch = steps.length;
  const k = steps[0].q.length;
  const vocab = steps[0].q[0].length;
  const qData: number[] = [];
  const pData: number[] = [];
  const tokens: number[] = [];
  const acceptU: number[] = [];
  const residualU: number[] = [];
  steps.forEach((step, b) => {
    qData.push(...step.q.flat());
    pData.push(...step.p.flat());
    const xs = forced?.tokens?.[b] ?? step.q.map((row) => drawFrom(rng, row));
    tokens.push(...xs);
    let accepted = k;
    const us = xs.map((x, i) => forced?.acceptU?.[b][i] ?? safeUniform(rng, [step.p[i][x] / step.q[i][x]]));
    for (let i = 0; i < k; i++) {
      if (!(us[i] < step.p[i][xs[i]] / step.q[i][xs[i]])) {
        accepted = i;
        break;
      }
    }
    acceptU.push(...us);
    const residual = step.p[accepted].map((pv, j) => Math.max(0, pv - (accepted < k ? step.q[accepted][j] : 0)));
    residualU.push(forced?.residualU?.[b] ?? safeUniform(rng, cdfOf(residual)));
  });
  return {
    name: pub ? name : `hidden: ${name}`,
    public: pub,
    args: [
      tensorSpec(qData, [batch, k, vocab]),
      tensorSpec(pData, [batch, k + 1, vocab]),
      tensorSpec(tokens, [batch, k], 'int32'),
      tensorSpec(acceptU, [batch, k]),
      tensorSpec(residualU, [batch]),
    ],
  };
}

/** The answer in exact (float64) arithmetic for forced inputs: one step per row, or one shared step. */
function exactStep(steps: Step | Step[], forced: { tokens: number[][]; acceptU: number[][]; residualU: number[] }): { accepted: number[]; token: number[] } {
  const accepted: number[] = [];
  const token: number[] = [];
  forced.tokens.forEach((xs, b) => {
    const step = Array.isArray(steps) ? steps[b] : steps;
    const k = step.q.length;
    let n = 0;
    while (n < k && forced.acceptU[b][n] < step.p[n][xs[n]] / step.q[n][xs[n]]) n++;
    const dist = n === k ? step.p[k] : step.p[n].map((pv, v) => Math.max(0, pv - step.q[n][v]));
    accepted.push(n);
    token.push(cdfOf(dist).findIndex((c) => c > forced.residualU[b]));
  });
  return { accepted, token };
}

function randomStep(rng: Rng, k: number, vocab: number, scale = 1.5): Step {
  const row = () => softmaxRow(Array.from(rng.normal([vocab], scale).data, Number));
  return { q: Array.from({ length: k }, row), p: Array.from({ length: k + 1 }, row) };
}

/** The by-hand example: k = 2 over a vocabulary of 3. */
const HAND: Step = {
  q: [
    [0.6, 0.3, 0.1],
    [0.2, 0.5, 0.3],
  ],
  p: [
    [0.2, 0.45, 0.35],
    [0.1, 0.8, 0.1],
    [0.5, 0.25, 0.25],
  ],
};

function cases(rng: Rng): CaseSpec[] {
  // Statistical example: 1000 independent trials of the same step (q and p differ a lot).
  const shared: Step = {
    q: [
      [0.5, 0.2, 0.1, 0.1, 0.1],
      [0.1, 0.1, 0.2, 0.5, 0.1],
    ],
    p: [
      [0.1, 0.3, 0.4, 0.1, 0.1],
      [0.25, 0.05, 0.3, 0.3, 0.1],
      [0.2, 0.2, 0.2, 0.2, 0.2],
    ],
  };
  const list: CaseSpec[] = [
    buildCase(rng, 'example 1: 1000 trials of one step (judged statistically too)', Array.from({ length: 1000 }, () => shared), true),
    buildCase(
      rng,
      'example 2: by hand',
      Array.from({ length: 4 }, () => HAND),
      true,
      {
        tokens: [[0, 1], [0, 1], [1, 1], [1, 2]],
        acceptU: [[0.7, 0.2], [0.5, 0.2], [0.4, 0.9], [0.2, 0.5]],
        residualU: [0.3, 0.1, 0.8, 0.6],
      },
    ),
  ];
  list.push(buildCase(rng, 'k = 4, vocabulary 8', Array.from({ length: 8 }, () => randomStep(rng, 4, 8))));
  list.push(buildCase(rng, 'k = 1', Array.from({ length: 6 }, () => randomStep(rng, 1, 6))));
  list.push(buildCase(rng, 'batch 1, k = 3, vocabulary 20', [randomStep(rng, 3, 20)]));
  {
    // Draft equals target: every draft is accepted and the bonus token comes from p[k].
    const steps = Array.from({ length: 5 }, () => {
      const s = randomStep(rng, 3, 7);
      return { q: s.p.slice(0, 3), p: s.p };
    });
    list.push(buildCase(rng, 'draft equals target (all accepted, bonus token from p[k])', steps));
  }
  {
    // Peaked, disagreeing models: most drafts rejected at position 0.
    const steps = Array.from({ length: 6 }, () => randomStep(rng, 3, 10, 4));
    list.push(buildCase(rng, 'peaked, disagreeing models (early rejections)', steps));
  }
  list.push(buildCase(rng, 'vocabulary of 2', Array.from({ length: 8 }, () => randomStep(rng, 2, 2))));
  list.push(buildCase(rng, 'k = 6, vocabulary 4', Array.from({ length: 5 }, () => randomStep(rng, 6, 4, 0.7))));
  {
    // Statistical, hidden: a random step, k = 2 over a vocabulary of 6.
    const step = randomStep(rng, 2, 6, 1.2);
    list.push(buildCase(rng, '1200 trials of one random step (statistical)', Array.from({ length: 1200 }, () => step)));
  }
  {
    // Exact boundaries: every probability here is a multiple of 1/4, so p/q, max(0, p − q), its
    // normalization and the cumulative sums are exact in float32 and float64 alike.
    // Row 0: a_0 = p/q exactly (0.25 / 0.5) → rejected (the test is strict); the residual is
    //   [0, 0.5, 0.5, 0] and s = 0 must not pick id 0, whose residual probability is 0.
    // Row 1: both accepted; the bonus token comes from p_2 = [0.5, 0, 0.5, 0] with s = 0.5 exactly
    //   on a boundary → id 2 (never id 1, which has probability 0).
    // Row 2: x_1 = 2 has target probability 0, so even a_1 = 0 rejects it (0 < 0 is false).
    // Row 3: rejected at 1 (a_1 = 0.5 ≥ 0), residual [0.5, 0.5, 0, 0], s = 0.5 on the boundary → id 1.
    const step: Step = {
      q: [
        [0.5, 0, 0, 0.5],
        [0.25, 0.25, 0.25, 0.25],
      ],
      p: [
        [0.25, 0.25, 0.25, 0.25],
        [0.5, 0.5, 0, 0],
        [0.5, 0, 0.5, 0],
      ],
    };
    const forced = {
      tokens: [[0, 0], [3, 0], [0, 2], [0, 2]],
      acceptU: [[0.5, 0.1], [0.25, 0.9], [0.1, 0], [0.1, 0.5]],
      residualU: [0, 0.5, 0, 0.5],
    };
    const want = { accepted: [0, 2, 1, 1], token: [1, 2, 0, 1] };
    const exact = exactStep(step, forced);
    if (exact.accepted.join() !== want.accepted.join() || exact.token.join() !== want.token.join()) throw new Error('speculative: the exact-boundary rows are off');
    list.push(buildCase(rng, 'exact boundaries: a = p/q, target probability 0 with a = 0, s = 0 and s on a cumulative boundary', Array.from({ length: 4 }, () => step), false, forced));
  }
  {
    // s = 1 − 2⁻²⁴, the largest float32 below 1, after a rejection at position 0. In exact
    // arithmetic the answer is the last id with positive residual, but the float32 cumulative sums of
    // these residuals end a hair below 1 (at or under s, on cpu and wasm), so no cumulative value
    // exceeds s. The last id (5) has residual 0 here (q > p), so falling back to vocab − 1 is wrong.
    const qs = [
      [0.31947943568229675, 0.30270618200302124, 0.04062887281179428, 0.06307587772607803, 0.05200378969311714, 0.22210586071014404],
      [0.1456356942653656, 0.21326470375061035, 0.14833541214466095, 0.03779583424329758, 0.03512633219361305, 0.419842004776001],
      [0.15860560536384583, 0.17106173932552338, 0.04169030115008354, 0.1266947090625763, 0.0335078239440918, 0.46843981742858887],
      [0.10535980015993118, 0.09284523874521255, 0.12005908787250519, 0.3202444314956665, 0.11703959852457047, 0.2444518357515335],
    ];
    const ps = [
      [0.057194534689188004, 0.3964556157588959, 0.05076809599995613, 0.24483785033226013, 0.05231155827641487, 0.19843235611915588],
      [0.0522611029446125, 0.04682549461722374, 0.042361147701740265, 0.6668736934661865, 0.06194304674863815, 0.1297355443239212],
      [0.04319000616669655, 0.061033740639686584, 0.08308839797973633, 0.41806599497795105, 0.07304845005273819, 0.3215734362602234],
      [0.025086473673582077, 0.35778069496154785, 0.031210770830512047, 0.33372199535369873, 0.12482111901044846, 0.1273789256811142],
    ];
    const uniform = [1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6, 1 / 6];
    const steps: Step[] = qs.map((q, b) => ({ q: [q], p: [ps[b], uniform] }));
    const forced = { tokens: steps.map(() => [0]), acceptU: steps.map(() => [0.9]), residualU: steps.map(() => JUST_BELOW_ONE) };
    const exact = exactStep(steps, forced);
    steps.forEach((step, b) => {
      const residual = step.p[0].map((pv, v) => Math.max(0, pv - step.q[0][v]));
      const lastPositive = residual.reduce((last, r, v) => (r > 0 ? v : last), -1);
      if (exact.accepted[b] !== 0 || residual[5] !== 0 || exact.token[b] !== lastPositive) throw new Error(`speculative: rounding-fallback row ${b} is off`);
    });
    list.push(buildCase(rng, 's = 1 − 2⁻²⁴ (rounding leaves every cumulative value ≤ s: the last id with positive residual)', steps, false, forced));
  }
  for (let i = 0; i < 3; i++) {
    const k = rng.int(1, 5);
    const vocab = rng.int(2, 16);
    list.push(buildCase(rng, `random ${i + 1}`, Array.from({ length: rng.int(1, 10) }, () => randomStep(rng, k, vocab, rng.pick([0.5, 1.5, 3])))));
  }
  {
    // Added last, so the cases above keep their draws. a_0 = p/q exactly (0.25 / 0.5): the strict test
    // rejects x_0, and the residual [0, 0, 0.5, 0.5] with s = 0.25 gives id 2. Accepting on equality
    // gives the bonus token from p_1 (id 3); resampling from p_0 gives id 1.
    const step: Step = {
      q: [[0.5, 0.5, 0, 0]],
      p: [
        [0.25, 0.25, 0.25, 0.25],
        [0, 0, 0, 1],
      ],
    };
    const forced = { tokens: [[0]], acceptU: [[0.5]], residualU: [0.25] };
    const exact = exactStep([step], forced);
    if (exact.accepted.join() !== '0' || exact.token.join() !== '2') throw new Error('speculative: the equality-rejection case is off');
    list.push(buildCase(rng, 'a = p/q exactly rejects (the residual, not the bonus row)', [step], false, forced));
  }
  return list;
}

function tensorData(value: Plain | undefined): number[] | undefined {
  if (!value) return undefined;
  if (value.kind === 'tensor' && value.shape.length === 1) return Array.from(value.data, Number);
  return undefined;
}

/**
 * On statistical cases: for every emitted position j (drafts 0 … accepted − 1, then the final
 * token), the tokens emitted there must follow the target distribution p[j].
 */
function statistical(got: Plain, spec: CaseSpec): Diagnostic | undefined {
  const [q, p, draft] = spec.args as TensorSpec[];
  if (!isTensorSpec(p) || !isTensorSpec(q)) return undefined;
  const [batch, k, vocab] = q.shape;
  if (batch < STAT_MIN_ROWS) return undefined;
  const rowSize = (k + 1) * vocab;
  for (let b = 1; b < batch; b++) for (let j = 0; j < rowSize; j++) if (p.data[b * rowSize + j] !== p.data[j]) return undefined;
  if (got.kind !== 'object') return undefined;
  const accepted = tensorData(got.entries.accepted);
  const token = tensorData(got.entries.token);
  if (!accepted || !token || accepted.length !== batch || token.length !== batch) return undefined;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(vocab).fill(0));
  for (let b = 0; b < batch; b++) {
    const a = accepted[b];
    if (!Number.isInteger(a) || a < 0 || a > k) {
      return { kind: 'property', message: `Row ${b}: accepted = ${a}, but it must be an integer between 0 and k = ${k}.` };
    }
    if (!Number.isInteger(token[b]) || token[b] < 0 || token[b] >= vocab) {
      return { kind: 'property', message: `Row ${b}: token = ${token[b]} is not a token id (vocabulary ${vocab}).` };
    }
    for (let j = 0; j < a; j++) counts[j][Number(draft.data[b * k + j])]++;
    counts[a][token[b]]++;
  }
  for (let j = 0; j <= k; j++) {
    const n = counts[j].reduce((s, c) => s + c, 0);
    if (n < STAT_MIN_COUNT) continue;
    const target = Array.from(p.data.slice(j * vocab, (j + 1) * vocab), Number);
    const empirical = counts[j].map((c) => c / n);
    const tv = 0.5 * empirical.reduce((s, e, i) => s + Math.abs(e - target[i]), 0);
    if (tv > TV_TOL) {
      return {
        kind: 'property',
        message:
          `The tokens emitted at position ${j} do not follow the target distribution: over ${n} trials they are distributed ${fmt(empirical)}, ` +
          `but p[${j}] = ${fmt(target)} (total variation ${tv.toFixed(3)}, allowed ${TV_TOL}). Speculative decoding must sample exactly from the target model.`,
      };
    }
  }
  return undefined;
}

function compare(expected: Plain, got: Plain, tolerance: Tolerance, spec: CaseSpec): Diagnostic | undefined {
  return statistical(got, spec) ?? compareValues(expected, got, tolerance);
}

export default defineProblem({
  id: 'decoding/speculative-acceptance',
  entry: 'speculativeAccept',
  argNames: ['draftProbs', 'targetProbs', 'draftTokens', 'acceptU', 'residualU'],
  reference: speculativeAccept,
  // { accepted, token }, both [batch] int32.
  output: objectOf({
    accepted: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
    token: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  }),
  cases,
  compare,
  mistakes: [
    {
      id: 'ratio-inverted',
      title: 'acceptance ratio upside down (u < q/p)',
      explanation: 'Accept a drafted token x with probability min(1, p(x)/q(x)): tokens the target likes more than the draft are always kept. With q/p the bias of the draft model is amplified instead of corrected.',
      diagnostic: 'property',
    },
    {
      id: 'residual-without-max',
      title: 'residual p − q without max(0, ·)',
      explanation: 'After a rejection, sample from norm(max(0, p − q)). Without the clamp the entries where q > p are negative and p − q sums to 0, so it is not a distribution.',
      diagnostic: 'property',
    },
    {
      id: 'residual-not-renormalized',
      title: 'residual max(0, p − q) not renormalized',
      explanation: 'max(0, p − q) sums to the rejection probability, not 1. Divide it by its sum before the inverse CDF, or large uniforms fall off the end.',
      diagnostic: 'property',
    },
    {
      id: 'resample-from-target',
      title: 'rejected position resampled from p instead of the residual',
      explanation: 'Sampling from p after a rejection double-counts the mass already given to accepted drafts. The correction that makes the output exactly p-distributed is norm(max(0, p − q)).',
      diagnostic: 'property',
    },
    {
      id: 'bonus-from-last-draft-position',
      title: 'bonus token drawn from p[k − 1] instead of p[k]',
      explanation: 'When all k drafts are accepted, the target has already scored position k in the same pass: the bonus token comes from p[k], the distribution after the last draft. p[k − 1] is the distribution the last draft itself was checked against.',
      diagnostic: 'mismatch',
    },
    {
      id: 'continues-after-rejection',
      title: 'drafts after the first rejection still counted',
      explanation: 'Verification stops at the first rejection: accepted is the length of the all-accepted prefix, and everything after the rejected draft is discarded.',
      diagnostic: 'property',
    },
    {
      id: 'residual-q-minus-p',
      title: 'residual built from max(0, q − p) instead of max(0, p − q)',
      explanation:
        'After a rejection, sample from where the target has more mass than the draft: norm(max(0, p − q)). Swapping the operands samples the tokens the draft over-proposed, exactly the ones the target wants less of.',
      diagnostic: 'property',
    },
    {
      id: 'accept-non-strict',
      title: 'draft accepted when a = p/q (≤ instead of <)',
      explanation:
        'The acceptance test is strict: accept x_i only when a_i < p_i(x_i)/q_i(x_i). With ≤, a uniform exactly on the ratio is accepted, and so is a draft the target gives probability 0 when a = 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accept-u-below-p',
      title: 'draft accepted when a < p(x) (ratio p/q not used)',
      explanation:
        'The acceptance probability is min(1, p(x)/q(x)): compare a with the ratio of target to draft probability, not with the target probability alone, which rejects too often wherever q(x) < 1.',
      diagnostic: 'property',
    },
    {
      id: 'accept-test-reversed',
      title: 'draft accepted when a > p/q (comparison reversed)',
      explanation:
        'A draft passes when its uniform falls below the ratio, a < p(x)/q(x), so that it is accepted with probability min(1, p/q). Accepting when a is above the ratio inverts that probability.',
      diagnostic: 'property',
    },
    {
      id: 'target-shifted-by-one',
      title: 'draft x_i tested against p[i + 1] instead of p[i]',
      explanation:
        'targetProbs[:, i] is the target’s distribution for the same position as draft x_i (q[:, i]); the extra row p[k] is only for the bonus token. Reading p one position later compares each draft with the wrong distribution.',
      diagnostic: 'property',
    },
    {
      id: 'cdf-greater-or-equal',
      title: 'final token: inverse CDF picks the first cdf ≥ s instead of cdf > s',
      explanation:
        'Sample the first id whose cumulative probability is strictly greater than s. With ≥ an s on a cumulative value picks the token before it, and s = 0 can pick a token of probability 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'fallback-vocab-minus-1',
      title: 'rounding fallback clamps to vocab − 1, a token of probability 0',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ s (s just below 1), the final token must be the last id with positive probability. Clamping to vocab − 1 can emit a token the final distribution rules out.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-rounding-fallback',
      title: 'rounding fallback missing: returns vocab, not a token id',
      explanation:
        'When float32 rounding leaves every cumulative value ≤ s (s just below 1), the count of values ≤ s is vocab, which is not a token id. Clamp it to the last id with positive probability.',
      diagnostic: 'mismatch',
    },
  ],
});
