import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { temperatureSample } from './reference';

/** Uniforms are kept this far from every CDF boundary, so float32 rounding never changes the answer. */
const MARGIN = 1e-4;

/** Row CDFs of softmax(logits / T) in float64. */
function cdfs(logits: TensorSpec, temperature: number): number[][] {
  const [batch, vocab] = logits.shape;
  const rows: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), (x) => Number(x) / temperature);
    const m = Math.max(...z);
    const e = z.map((x) => Math.exp(x - m));
    const s = e.reduce((a, c) => a + c, 0);
    let acc = 0;
    rows.push(e.map((x) => (acc += x / s)));
  }
  return rows;
}

/** One uniform per row, resampled until it is at least MARGIN away from that row's CDF values. */
function safeUniforms(rng: Rng, logits: TensorSpec, temperature: number): TensorSpec {
  const rows = temperature === 0 ? logits.shape.slice(0, 1).flatMap((b) => Array.from({ length: b }, () => [])) : cdfs(logits, temperature);
  const u = rows.map((cdf: number[]) => {
    for (;;) {
      const x = Math.fround(rng.next());
      if (x < 1 - MARGIN && cdf.every((c) => Math.abs(c - x) > MARGIN)) return x;
    }
  });
  return tensorSpec(u, [u.length]);
}

function sampleCase(rng: Rng, name: string, batch: number, vocab: number, temperature: number, scale = 1): CaseSpec {
  const logits = rng.normal([batch, vocab], scale);
  return { name: `hidden: ${name}`, public: false, args: [logits, temperature, safeUniforms(rng, logits, temperature)] };
}

function cases(rng: Rng): CaseSpec[] {
  const exampleLogits = tensorSpec([1, 2, 0.5, -1, 0.3, -0.2, 1.5, 0.1], [2, 4]);
  const list: CaseSpec[] = [
    { name: 'example 1: T = 0.5', public: true, args: [exampleLogits, 0.5, tensorSpec([0.3, 0.9], [2])] },
    { name: 'example 2: T = 0 is greedy', public: true, args: [exampleLogits, 0, tensorSpec([0.3, 0.9], [2])] },
    sampleCase(rng, 'T = 1', 6, 10, 1),
    sampleCase(rng, 'T = 2 (flatter)', 5, 12, 2),
    sampleCase(rng, 'T = 0.1 (sharp)', 6, 8, 0.1),
    sampleCase(rng, 'T = 0 with a large batch', 16, 20, 0),
    sampleCase(rng, 'batch 1, T = 1.5', 1, 30, 1.5),
    sampleCase(rng, 'vocabulary of 2, T = 0.7', 8, 2, 0.7),
    sampleCase(rng, 'large-magnitude logits (numerical stability), T = 1', 4, 16, 1, 60),
    sampleCase(rng, 'large-magnitude logits, T = 5', 4, 16, 5, 60),
  ];
  // u exactly on a CDF boundary: all-zero logits give cdf = [0.25, 0.5, 0.75, 1] exactly in float32.
  list.push({
    name: 'hidden: u exactly on a CDF boundary (cdf > u, strictly)',
    public: false,
    args: [tensorSpec(new Array(16).fill(0), [4, 4]), 1, tensorSpec([0.25, 0.5, 0.75, 0], [4])],
  });
  for (let i = 0; i < 3; i++) {
    list.push(sampleCase(rng, `random ${i + 1}`, rng.int(1, 8), rng.int(2, 50), rng.pick([0.3, 0.7, 1, 1.3, 3]), rng.pick([1, 2, 4])));
  }
  return list;
}

/** Ids must match exactly; the message shows the rows that differ. */
function compare(expected: Plain, got: Plain, tolerance: Tolerance): Diagnostic | undefined {
  const basic = compareValues(expected, got, tolerance);
  if (!basic || basic.kind !== 'mismatch' || expected.kind !== 'tensor' || got.kind !== 'tensor') return basic;
  const rows: string[] = [];
  for (let b = 0; b < expected.data.length; b++) {
    if (Number(expected.data[b]) !== Number(got.data[b])) rows.push(`row ${b}: expected ${expected.data[b]}, got ${got.data[b]}`);
  }
  return { ...basic, message: `Sampled ids differ in ${rows.length} of ${expected.data.length} rows (${rows.slice(0, 4).join('; ')}${rows.length > 4 ? '; …' : ''}).` };
}

export default defineProblem({
  id: 'decoding/temperature-sampling',
  entry: 'temperatureSample',
  argNames: ['logits', 'temperature', 'u'],
  reference: temperatureSample,
  // [batch] int32: one sampled id per row of logits.
  output: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  cases,
  compare,
  mistakes: [
    {
      id: 'temperature-zero-not-handled',
      title: 'T = 0 not special-cased (logits / 0)',
      explanation: 'Dividing by a temperature of 0 gives ±Infinity and NaN, so the softmax is NaN and the comparison with u never succeeds. T = 0 is the greedy limit: return tf.argMax(logits, -1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'multiplies-by-temperature',
      title: 'logits multiplied by T instead of divided',
      explanation: 'Temperature divides the logits: softmax(logits / T). Multiplying inverts its effect — T < 1 should sharpen the distribution, not flatten it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-before-temperature',
      title: 'temperature applied after the softmax',
      explanation: 'softmax(logits) / T is not a distribution (it sums to 1/T) and is not the tempered one. Scale the logits first, then take the softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cumsum-over-batch-axis',
      title: 'cumulative sum taken over the batch axis',
      explanation: 'Each row is its own distribution: tf.cumsum(probs, -1) along the vocabulary, not axis 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'cdf-greater-or-equal',
      title: 'inverse CDF uses cdf ≥ u instead of cdf > u',
      explanation: 'The id is the first i with cdf[i] > u, i.e. the count of cdf values ≤ u. With ≥ (counting cdf < u) a uniform that lands exactly on a boundary picks the id one too low.',
      diagnostic: 'mismatch',
    },
  ],
});
