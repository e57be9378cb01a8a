import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { compareValues, type Plain } from '../../../src/judge/compare';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import type { Diagnostic, Tolerance } from '../../../src/shared/protocol';
import { topKSample } from './reference';

/** Uniforms are kept this far from every CDF boundary, so float32 rounding never changes the answer. */
const MARGIN = 1e-4;

/** Row CDFs (vocabulary order) of the renormalized top-k distribution, in float64. */
function topKCdfs(logits: TensorSpec, k: number): number[][] {
  const [batch, vocab] = logits.shape;
  const rows: number[][] = [];
  for (let b = 0; b < batch; b++) {
    const z = Array.from(logits.data.slice(b * vocab, (b + 1) * vocab), Number);
    const order = [...z.keys()].sort((i, j) => z[j] - z[i] || i - j);
    const kept = new Set(order.slice(0, k));
    const m = z[order[0]];
    const e = z.map((x, i) => (kept.has(i) ? Math.exp(x - m) : 0));
    const s = e.reduce((a, c) => a + c, 0);
    let acc = 0;
    rows.push(e.map((x) => (acc += x / s)));
  }
  return rows;
}

function safeUniforms(rng: Rng, logits: TensorSpec, k: number): TensorSpec {
  const u = topKCdfs(logits, k).map((cdf) => {
    for (;;) {
      const x = Math.fround(rng.next());
      if (x < 1 - MARGIN && cdf.every((c) => Math.abs(c - x) > MARGIN)) return x;
    }
  });
  return tensorSpec(u, [u.length]);
}

function sampleCase(rng: Rng, name: string, logits: TensorSpec, k: number): CaseSpec {
  return { name: `hidden: ${name}`, public: false, args: [logits, k, safeUniforms(rng, logits, k)] };
}

function cases(rng: Rng): CaseSpec[] {
  const example = tensorSpec([2, 0.5, 1.5, -1, 0.8, 0.2, 1.2, -0.3, 2.1, 0.9], [2, 5]);
  const list: CaseSpec[] = [
    { name: 'example 1: k = 2', public: true, args: [example, 2, tensorSpec([0.8, 0.25], [2])] },
    { name: 'example 2: k = 3', public: true, args: [example, 3, tensorSpec([0.5, 0.05], [2])] },
    sampleCase(rng, 'k = 5 of 12', rng.normal([6, 12]), 5),
    sampleCase(rng, 'k = 1 is greedy', rng.normal([5, 9]), 1),
    sampleCase(rng, 'k = vocab keeps everything', rng.normal([4, 7]), 7),
    sampleCase(rng, 'k = vocab − 1', rng.normal([4, 6]), 5),
    sampleCase(rng, 'batch 1, vocab 40, k = 10', rng.normal([1, 40], 2), 10),
    sampleCase(rng, 'all logits negative (around −8)', rng.normal([5, 10]), 3),
    sampleCase(rng, 'large-magnitude logits (numerical stability)', rng.normal([4, 16], 40), 4),
    sampleCase(rng, 'vocabulary of 2, k = 1', rng.normal([6, 2]), 1),
  ];
  // Shift the "all negative" case: masking with 0 would then dominate every kept token.
  const negative = list[7].args[0] as TensorSpec;
  negative.data = Float32Array.from(negative.data, (x) => x - 8);
  list[7] = sampleCase(rng, 'all logits negative (around −8)', negative, 3);
  // Integer logits with ties straddling the k-th place: the lower ids win.
  const tied = tensorSpec(Array.from({ length: 6 * 8 }, () => rng.int(0, 3)), [6, 8]);
  list.push(sampleCase(rng, 'tied logits at the k-th place (lower id wins)', tied, 3));
  for (let i = 0; i < 3; i++) {
    const vocab = rng.int(3, 50);
    list.push(sampleCase(rng, `random ${i + 1}`, rng.normal([rng.int(1, 8), vocab], rng.pick([1, 2, 3])), rng.int(2, vocab - 1)));
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
  id: 'decoding/top-k-sampling',
  entry: 'topKSample',
  argNames: ['logits', 'k', 'u'],
  reference: topKSample,
  // [batch] int32: one sampled id per row of logits.
  output: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
  cases,
  compare,
  mistakes: [
    {
      id: 'not-renormalized',
      title: 'kept probabilities not renormalized',
      explanation: 'After zeroing all but the top k, the kept probabilities sum to less than 1, so large uniforms fall off the end. Renormalize: divide by their sum, or softmax the masked logits.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kth-token-excluded',
      title: 'the k-th token excluded (only k − 1 kept)',
      explanation: 'Keeping logits strictly greater than the k-th largest drops the k-th token itself. Keep exactly k tokens: ranks 0 … k − 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'masked-with-zero',
      title: 'dropped tokens masked with 0 instead of −Infinity',
      explanation: 'A logit of 0 still has probability exp(0)/Σ — often more than the kept tokens when logits are negative. Set dropped logits to −Infinity (or zero their probabilities and renormalize).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sorted-ascending',
      title: 'sorted ascending: the k smallest logits kept',
      explanation: 'Top-k keeps the k largest logits. tf.topk already returns the largest first; sorting ascending (or top-k of −logits) keeps the least likely tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-at-kth-all-kept',
      title: 'every token tied with the k-th logit kept',
      explanation: 'A threshold test (logits ≥ k-th largest) keeps all ties, i.e. more than k tokens. Exactly k are kept, ties going to the lower id — tf.topk’s indices give exactly that set.',
      diagnostic: 'mismatch',
    },
  ],
});
