import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { distillationLoss } from './reference';

function randomCase(rng: Rng, name: string, N: number, K: number, T: number, alpha: number, scale = 2): CaseSpec {
  return { name, public: false, args: [rng.normal([N, K], scale), rng.normal([N, K], scale), rng.ints([N], 0, K - 1), T, alpha] };
}

/**
 * Logits of magnitude ~1000: every row holds +1000 and −1000, so after dividing by T = 2 some
 * probability underflows to 0 even in float64 (e^−1000) and log(softmax(·)) is −Infinity there.
 */
function extremeLogits(rng: Rng, N: number, K: number, T: number): TensorSpec {
  const values: number[] = [];
  for (let n = 0; n < N; n++) {
    const row = Array.from({ length: K }, () => Math.round(rng.next() * 2000 - 1000));
    const hi = rng.int(0, K - 1);
    const lo = (hi + rng.int(1, K - 1)) % K;
    row[hi] = 1000;
    row[lo] = -1000;
    if (Math.exp((Math.min(...row) - Math.max(...row)) / T) !== 0) throw new Error('extremeLogits: no probability underflows');
    values.push(...row);
  }
  return tensorSpec(values, [N, K]);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one row, K = 3, T = 2, α = 0.5',
      public: true,
      args: [tensorSpec([1, 2, 0], [1, 3]), tensorSpec([3, 1, 0], [1, 3]), tensorSpec([0], [1], 'int32'), 2, 0.5],
    },
    {
      name: 'example 2: two rows, K = 4, T = 4, α = 0.25',
      public: true,
      args: [
        tensorSpec([2, 0, -1, 1, 0, 3, 1, -2], [2, 4]),
        tensorSpec([4, 1, -2, 0, -1, 2, 2, 0], [2, 4]),
        tensorSpec([0, 2], [2], 'int32'),
        4,
        0.25,
      ],
    },
  ];
  list.push(randomCase(rng, 'hidden: T = 1 (no softening)', 5, 6, 1, 0.4));
  list.push(randomCase(rng, 'hidden: α = 0, pure distillation', 4, 7, 3, 0));
  list.push(randomCase(rng, 'hidden: α = 1, pure hard-label CE (kl still reported)', 4, 5, 2, 1));
  list.push(randomCase(rng, 'hidden: T = 0.5 sharpens', 6, 5, 0.5, 0.3));
  list.push(randomCase(rng, 'hidden: large T = 10', 5, 8, 10, 0.1, 4));
  list.push(randomCase(rng, 'hidden: batch 1', 1, 10, 3, 0.7));
  list.push(randomCase(rng, 'hidden: binary, K = 2', 8, 2, 2, 0.5));
  list.push(randomCase(rng, 'hidden: many classes, K = 100', 3, 100, 4, 0.2));
  {
    const logits = rng.normal([4, 6], 2);
    list.push({ name: 'hidden: teacher equals student (kl = 0)', public: false, args: [logits, { ...logits, data: Float32Array.from(logits.data) }, rng.ints([4], 0, 5), 2, 0.6] });
  }
  list.push({
    name: 'hidden: logits of ±1000, T = 2 (probabilities underflow even in float64)',
    public: false,
    args: [extremeLogits(rng, 4, 6, 2), extremeLogits(rng, 4, 6, 2), rng.ints([4], 0, 5), 2, 0.5],
  });
  list.push({
    name: 'hidden: large positive logits close together, T = 1 (exp overflows, nothing underflows)',
    public: false,
    args: [
      tensorSpec([1000, 1001, 999, 1000.5, 90, 92, 91, 89], [2, 4]),
      tensorSpec([1001, 1000, 1000, 999, 91, 91, 93, 90], [2, 4]),
      tensorSpec([1, 2], [2], 'int32'),
      1,
      0.3,
    ],
  });
  for (let i = 0; i < 3; i++) {
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(2, 16), rng.int(3, 30), rng.pick([1.5, 2, 3, 5]), rng.pick([0.1, 0.3, 0.7, 0.9])));
  }
  return list;
}

export default defineProblem({
  id: 'lora/distillation-loss',
  entry: 'distillationLoss',
  argNames: ['student', 'teacher', 'labels', 'temperature', 'alpha'],
  reference: distillationLoss,
  // { loss, ce, kl }: three float32 scalar tensors, shape [].
  output: objectOf({ loss: scalarTensor(), ce: scalarTensor(), kl: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'no-t-squared',
      title: 'soft term not multiplied by T²',
      explanation:
        'Dividing the logits by T shrinks the gradients of the soft term by 1/T², so Hinton et al. multiply it by T² to keep it on the same scale as the hard-label CE when T changes: loss = α·ce + (1 − α)·T²·kl.',
      diagnostic: 'mismatch',
    },
    {
      id: 'alpha-swapped',
      title: 'α and 1 − α swapped',
      explanation: 'Here α weights the hard-label cross-entropy and 1 − α the distillation term: loss = α·ce + (1 − α)·T²·kl. Check the convention you are given; both exist in the wild.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-reversed',
      title: 'KL(student ‖ teacher) instead of KL(teacher ‖ student)',
      explanation: 'The teacher distribution p is the target: KL(p ‖ q) = Σ p (log p − log q), weighted by the teacher\'s probabilities. Swapping the arguments gives the reverse (mode-seeking) KL, a different number.',
      diagnostic: 'mismatch',
    },
    {
      id: 'soft-cross-entropy',
      title: 'soft cross-entropy −Σ p log q instead of KL',
      explanation: 'Cross-entropy against the soft targets has the same gradient as KL(p ‖ q), but its value is larger by the teacher\'s entropy −Σ p log p. The kl asked for subtracts that entropy, so it is 0 when teacher and student agree.',
      diagnostic: 'mismatch',
    },
    {
      id: 'student-not-tempered',
      title: 'temperature applied to the teacher only',
      explanation: 'Both distributions are softened with the same T: q = softmax(student / T) as well as p = softmax(teacher / T). Matching a softened teacher with an unsoftened student compares distributions of different sharpness.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ce-at-temperature',
      title: 'hard-label cross-entropy computed on student / T',
      explanation: 'The hard-label term is the ordinary cross-entropy of the student at temperature 1: −log softmax(student)[label]. Only the distillation term is softened by T.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-mean-over-classes',
      title: 'KL averaged over all N·K entries instead of summed over classes',
      explanation: 'KL is a sum over the K classes of each row; only the batch is averaged (PyTorch\'s reduction="batchmean"). A flat mean (reduction="mean") also divides by K.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-over-batch',
      title: 'ce and kl summed over the batch instead of averaged',
      explanation: 'Both terms are means over the N rows, so the loss does not grow with the batch size. Divide the per-row sums by N (use .mean()).',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(·)) instead of a stable log-softmax',
      explanation:
        'With logits of ±1000 a probability underflows to 0 and log(0) = −Infinity; then 0·(−Infinity) = NaN in p·log p, or p·(log p − (−Infinity)) = Infinity. Use tf.logSoftmax and get p as exp(log p).',
      diagnostic: 'non-finite',
    },
    {
      id: 'logsumexp-no-max-shift',
      title: 'log-softmax as z − log Σ exp(z) without subtracting the max',
      explanation: 'exp(z) overflows float32 once z passes about 88, so the loss is Infinity or NaN. Subtract the row max first, or use tf.logSoftmax.',
      diagnostic: 'non-finite',
    },
  ],
});
