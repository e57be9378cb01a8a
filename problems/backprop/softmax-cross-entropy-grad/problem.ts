import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { AUTODIFF_FORBIDDEN, AUTODIFF_MISTAKE } from '../forbidden';
import { softmaxCrossEntropyGrad } from './reference';

function randomCase(rng: Rng, name: string, N: number, K: number, scale = 2): CaseSpec {
  return { name, public: false, args: [rng.normal([N, K], scale), rng.ints([N], 0, K - 1)] };
}

/** Logits [N, K] from sign patterns: each entry sign · 1000 plus noise in (−2, 2), stored as float32. */
function plusMinus1000(rng: Rng, signs: number[][]): number[] {
  return signs.flatMap((row) => row.map((sign) => Math.fround(sign * 1000 + (2 * rng.next() - 1) * 2)));
}

/** Row n of a flat [N, K] array. */
function row(values: number[], K: number, n: number): number[] {
  return values.slice(n * K, (n + 1) * K);
}

/**
 * Rows entirely near +1000 or entirely near −1000: exp without the max shift overflows to Infinity
 * (or underflows the whole row to 0, then 0/0) even in float64, whose exp overflows above ≈ 709.
 * Every row is within a few units of its max, so no probability underflows and log(softmax) is
 * still fine here. Throws if the data loses either property.
 */
function overflowCase(rng: Rng, name: string): CaseSpec {
  const N = 4;
  const K = 5;
  const signs = Array.from({ length: N }, (_, n) => new Array<number>(K).fill((n + rng.int(0, 1)) % 2 === 0 ? 1 : -1));
  signs[0].fill(1);
  signs[1].fill(-1);
  const logits = plusMinus1000(rng, signs);
  for (let n = 0; n < N; n++) {
    const r = row(logits, K, n);
    const max = Math.max(...r);
    if (!(max >= 750 || max <= -750)) throw new Error(`softmax-cross-entropy-grad: row ${n} of "${name}" would not overflow exp in float64`);
    if (!(max - Math.min(...r) <= 10)) throw new Error(`softmax-cross-entropy-grad: row ${n} of "${name}" has a probability that underflows`);
  }
  const labels = Array.from({ length: N }, () => rng.int(0, K - 1));
  return { name, public: false, args: [tensorSpec(logits, [N, K]), tensorSpec(labels, [N], 'int32')] };
}

/**
 * Mixed rows of +1000 and −1000 with the true class on a −1000 entry: its probability (≈ e^−2000)
 * underflows to 0 even in float64, so log(softmax) is −Infinity there, while the loss is ≈ 2000.
 * exp without the max shift also overflows on every row. Throws if the data loses either.
 */
function underflowCase(rng: Rng, name: string): CaseSpec {
  const K = 4;
  const signs = [
    [1, -1, -1, 1],
    [-1, 1, -1, -1],
    [-1, -1, 1, 1],
  ];
  const logits = plusMinus1000(rng, signs);
  const labels = signs.map((r) => {
    const negatives = r.flatMap((sign, k) => (sign < 0 ? [k] : []));
    return rng.pick(negatives);
  });
  labels.forEach((label, n) => {
    const r = row(logits, K, n);
    const max = Math.max(...r);
    if (!(max >= 750 && r[label] <= max - 800)) throw new Error(`softmax-cross-entropy-grad: row ${n} of "${name}" lost its overflow / underflow`);
  });
  return { name, public: false, args: [tensorSpec(logits, [signs.length, K]), tensorSpec(labels, [signs.length], 'int32')] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two rows, K = 3',
      public: true,
      args: [tensorSpec([2, 1, 0, 0, 0, 3], [2, 3]), tensorSpec([0, 1], [2], 'int32')],
    },
    {
      name: 'example 2: three rows, K = 2',
      public: true,
      args: [tensorSpec([1, -1, 0, 2, 3, 3.5], [3, 2]), tensorSpec([0, 0, 1], [3], 'int32')],
    },
  ];
  list.push(randomCase(rng, 'hidden: batch of 8, K = 5', 8, 5));
  list.push(randomCase(rng, 'hidden: batch 1', 1, 6));
  list.push(randomCase(rng, 'hidden: N = K (square logits)', 4, 4));
  list.push(randomCase(rng, 'hidden: binary', 6, 2));
  list.push(randomCase(rng, 'hidden: many classes', 3, 50));
  list.push(randomCase(rng, 'hidden: confident, small logits', 5, 4, 0.1));
  list.push(randomCase(rng, 'hidden: large-magnitude logits', 4, 6, 100));
  list.push(randomCase(rng, 'hidden: large-magnitude logits, batch 1', 1, 3, 200));
  list.push(overflowCase(rng, 'hidden: rows at ≈ +1000 and ≈ −1000 (exp overflows even in float64)'));
  list.push(underflowCase(rng, 'hidden: mixed ±1000 rows, true class ≈ 2000 below the max'));
  for (let i = 0; i < 3; i++) list.push(randomCase(rng, `hidden: random shape ${i + 1}`, rng.int(1, 12), rng.int(2, 20), rng.pick([1, 3])));
  return list;
}

export default defineProblem({
  id: 'backprop/softmax-cross-entropy-grad',
  entry: 'softmaxCrossEntropyGrad',
  argNames: ['logits', 'labels'],
  reference: softmaxCrossEntropyGrad,
  // { loss [], dlogits [N, K] } (no dtype stated; float32).
  output: objectOf({ loss: scalarTensor(), dlogits: tensorOf('float32', (args) => shapeOf(args, 0)) }),
  cases,
  forbiddenApis: AUTODIFF_FORBIDDEN,
  mistakes: [
    {
      id: 'not-divided-by-batch',
      title: 'gradient not divided by the batch size',
      explanation: 'The loss is the mean over N rows, so every row of the gradient carries a factor 1/N: dlogits = (softmax − onehot) / N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sign-flipped',
      title: 'sign flipped: onehot − softmax',
      explanation: 'Raising the correct logit lowers the loss, so its gradient is negative: dlogits = (softmax − onehot) / N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uses-log-softmax',
      title: 'log-softmax used where the softmax belongs',
      explanation: 'd/dz of −log softmax(z)_y is softmax(z) − onehot(y): the probabilities, not the log-probabilities (those appear only in the loss).',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch-axis',
      title: 'softmax normalized over the batch axis',
      explanation: 'Each row is a distribution over the K classes: normalize over the last axis (tf.softmax(logits, -1)), not over the N examples.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unstable-softmax',
      title: 'softmax without subtracting the row maximum',
      explanation: 'exp of a logit of a few hundred overflows to Infinity and the result becomes NaN. Subtract the row max first, or use tf.logSoftmax / tf.softmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'log-sum-exp-without-max',
      title: 'log-sum-exp without subtracting the row maximum',
      explanation:
        'log Σⱼ exp(zⱼ) overflows to Infinity once a logit passes ≈ 88 in float32 (≈ 709 even in float64), and a row of very negative logits underflows to log 0 = −Infinity, so log p = z − lse and p = exp(log p) turn into 0, ±Infinity and NaN. Shift first: lse = m + log Σⱼ exp(zⱼ − m) with m the row max (or use tf.logSoftmax).',
      diagnostic: 'non-finite',
    },
    {
      id: 'log-of-softmax',
      title: 'loss as log(softmax) instead of log-softmax',
      explanation:
        'When the true class is far below the row max its probability underflows to 0 and log(0) = −Infinity, so the loss is Infinity. Compute log p = z − max − log Σ exp(z − max) directly (tf.logSoftmax).',
      diagnostic: 'non-finite',
    },
    {
      id: 'loss-summed-not-mean',
      title: 'loss summed over the batch instead of averaged',
      explanation: 'L = (1/N) Σₙ −log pₙ,yₙ is a mean over the N rows; divide the summed loss by N (as the gradient (p − onehot)/N already does).',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-all-elements',
      title: 'loss and gradient averaged over all N·K entries',
      explanation: 'Only one entry per row is non-zero in −onehot·log p, so a mean over the whole [N, K] tensor divides by N·K. The loss is a mean over rows: divide by N, and the gradient is (p − onehot)/N.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-sign-flipped',
      title: 'loss missing its minus sign',
      explanation: 'Cross-entropy is −log pₙ,yₙ, a positive number: log-probabilities are ≤ 0, so the mean of log p must be negated.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-sums-all-classes',
      title: '−log p summed over every class, not just the true one',
      explanation: 'Cross-entropy picks the true class only: L = (1/N) Σₙ −log pₙ,yₙ. Multiply by the one-hot labels (or gather yₙ) before summing.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-instead-of-softmax',
      title: 'per-class sigmoid (binary cross-entropy) instead of softmax',
      explanation: 'The classes are mutually exclusive: p = softmax over the last axis, loss = mean of −log pₙ,yₙ, gradient (p − onehot)/N. Independent sigmoids give a different loss and gradient.',
      diagnostic: 'mismatch',
    },
    {
      id: 'global-max-shift',
      title: "shifted by the maximum of the whole batch instead of each row's",
      explanation: "Subtracting one global max keeps the math but not the numerics: a row whose logits are hundreds below the global max underflows to exp = 0 and log 0 = −Infinity. Subtract each row's own max (max over axis −1, keepDims), or use tf.logSoftmax.",
      diagnostic: 'non-finite',
    },
    AUTODIFF_MISTAKE,
    {
      id: 'lse-max-not-added-back',
      title: 'log-sum-exp shifted by the row max without adding the max back',
      explanation: 'log Σ exp(x) = m + log Σ exp(x − m): subtracting m inside the exponent keeps it stable, but m must be added back, otherwise every row’s loss is off by its max logit (the gradient from tf.softmax is unaffected).',
      diagnostic: 'mismatch',
    },
  ],
});
