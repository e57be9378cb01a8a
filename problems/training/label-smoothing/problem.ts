import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { scalarTensor } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { labelSmoothedCrossEntropy } from './reference';

function randomCase(rng: Rng, name: string, N: number, K: number, epsilon: number, scale = 2): CaseSpec {
  return { name, public: false, args: [rng.normal([N, K], scale), rng.ints([N], 0, K - 1), epsilon] };
}

/**
 * Logits of magnitude ~1000: every row holds +1000 and −1000 (and the rest in between), so
 * exp(z − max) underflows to 0 even in float64 and log(softmax(z)) is −Infinity somewhere in every
 * row, while log-softmax stays finite.
 */
function extremeLogits(rng: Rng, N: number, K: number): TensorSpec {
  const values: number[] = [];
  for (let n = 0; n < N; n++) {
    const row = Array.from({ length: K }, () => Math.round(rng.next() * 2000 - 1000));
    const hi = rng.int(0, K - 1);
    const lo = (hi + rng.int(1, K - 1)) % K;
    row[hi] = 1000;
    row[lo] = -1000;
    if (Math.max(...row) - Math.min(...row) < 1500 || Math.exp(Math.min(...row) - Math.max(...row)) !== 0) {
      throw new Error('extremeLogits: a row whose smallest probability does not underflow');
    }
    values.push(...row);
  }
  return tensorSpec(values, [N, K]);
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one row, K = 3, ε = 0.1',
      public: true,
      args: [tensorSpec([2, 0, -1], [1, 3]), tensorSpec([0], [1], 'int32'), 0.1],
    },
    {
      name: 'example 2: two rows, K = 4, ε = 0.2',
      public: true,
      args: [tensorSpec([1, 2, 3, 0, 0, 0, 0, 5], [2, 4]), tensorSpec([2, 1], [2], 'int32'), 0.2],
    },
  ];
  list.push(randomCase(rng, 'hidden: ε = 0 is plain cross-entropy', 5, 6, 0));
  list.push(randomCase(rng, 'hidden: batch 1', 1, 10, 0.1));
  list.push(randomCase(rng, 'hidden: binary, K = 2', 8, 2, 0.1));
  list.push(randomCase(rng, 'hidden: large ε = 0.5', 4, 5, 0.5));
  list.push(randomCase(rng, 'hidden: many classes', 3, 100, 0.1));
  list.push(randomCase(rng, 'hidden: tiny ε = 0.01', 6, 7, 0.01));
  list.push(randomCase(rng, 'hidden: large-magnitude logits', 4, 8, 0.1, 60));
  list.push(randomCase(rng, 'hidden: large-magnitude logits, K = 2', 3, 2, 0.2, 80));
  list.push({ name: 'hidden: logits of ±1000 (probabilities underflow even in float64)', public: false, args: [extremeLogits(rng, 4, 6), rng.ints([4], 0, 5), 0.1] });
  list.push({ name: 'hidden: logits of ±1000, ε = 0', public: false, args: [extremeLogits(rng, 3, 3), rng.ints([3], 0, 2), 0] });
  for (let i = 0; i < 3; i++) {
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 16), rng.int(2, 30), rng.pick([0.05, 0.1, 0.2, 0.3])));
  }
  list.push({
    name: 'hidden: large positive logits close together (exp overflows, no probability underflows)',
    public: false,
    args: [tensorSpec([1000, 1001, 999, 1000.5, 90, 92, 91, 89], [2, 4]), tensorSpec([1, 2], [2], 'int32'), 0.1],
  });
  return list;
}

export default defineProblem({
  id: 'training/label-smoothing',
  entry: 'labelSmoothedCrossEntropy',
  argNames: ['logits', 'targets', 'epsilon'],
  reference: labelSmoothedCrossEntropy,
  // tf.Scalar, shape [] (no dtype stated; float32).
  output: scalarTensor(),
  cases,
  mistakes: [
    {
      id: 'eps-over-k-minus-1',
      title: 'smoothing mass ε/(K − 1) on the wrong classes instead of ε/K on all classes',
      explanation:
        'This problem uses the convention of Szegedy et al. and PyTorch\'s label_smoothing: q = (1 − ε)·onehot + ε/K, so the true class gets 1 − ε + ε/K. Spreading ε over the K − 1 other classes is a different distribution.',
      diagnostic: 'mismatch',
    },
    {
      id: 'smoothing-applied-to-logits',
      title: 'smoothing applied to the logits instead of the target distribution',
      explanation:
        'Label smoothing changes the targets, not the model output: keep log softmax(logits) as it is and use q = (1 − ε)·onehot + ε/K in the cross-entropy −Σ q log p.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-one-minus-eps',
      title: 'forgot the (1 − ε) factor on the one-hot target',
      explanation: 'q = onehot + ε/K sums to 1 + ε; it is not a distribution. Scale the one-hot by (1 − ε) before adding ε/K.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sum-over-batch',
      title: 'loss summed over the batch instead of averaged',
      explanation: 'Return the mean over the N rows (divide by N), so the loss does not grow with the batch size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(x)) instead of a stable log-softmax',
      explanation:
        'For large logits a probability underflows to 0 (even in float64 once logits differ by ~750) and log(0) = −Infinity; with label smoothing every class carries weight ε/K, so the loss becomes Infinity or NaN. Use tf.logSoftmax, i.e. log p = z − max − log Σ exp(z − max).',
      diagnostic: 'non-finite',
    },
    {
      id: 'logsumexp-no-max-shift',
      title: 'log-softmax computed as z − log Σ exp(z) without subtracting the max',
      explanation: 'exp(z) overflows to Infinity in float32 once a logit passes about 88, so the loss becomes Infinity or NaN. Subtract the row max first: log p = z − m − log Σ exp(z − m), or use tf.logSoftmax.',
      diagnostic: 'non-finite',
    },
    {
      id: 'true-class-not-smoothed',
      title: 'ε/K added to the other classes only, the true class keeps 1 − ε',
      explanation: 'The uniform part ε/K goes to every class, the true one included, so the true class gets 1 − ε + ε/K and q sums to 1. Leaving it at 1 − ε loses ε/K of the mass.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uniform-term-not-divided-by-k',
      title: 'uniform term weighted ε per class (summed over classes) instead of ε/K (averaged)',
      explanation: 'In loss = (1 − ε)·NLL + ε·(uniform part), the uniform part is the mean of −log pₖ over the K classes, i.e. each class has weight ε/K. Summing over classes multiplies it by K.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-over-classes-too',
      title: 'mean over all N·K entries instead of a sum over classes, then a mean over rows',
      explanation: 'Each row\'s cross-entropy is a sum over the K classes: −Σₖ qₖ log pₖ. Only the batch axis is averaged; a flat .mean() also divides by K.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-batch-axis',
      title: 'log-softmax over the batch axis instead of the class axis',
      explanation: 'Each row is one example’s scores over the K classes; normalize along the last axis (tf.logSoftmax(logits, -1)), not across the examples.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-minus',
      title: 'missing minus sign (returns Σ q log p, which is negative)',
      explanation: 'Cross-entropy is −Σₖ qₖ log pₖ; log-probabilities are ≤ 0, so without the minus the loss is negative and minimizing it would push the model the wrong way.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-weights-swapped',
      title: 'ε and 1 − ε swapped in the smoothed target',
      explanation: 'The true class keeps most of the mass: q = (1 − ε)·onehot + ε/K. Writing ε·onehot + (1 − ε)/K puts almost all of it on the uniform part.',
      diagnostic: 'mismatch',
    },
    {
      id: 'kl-divergence-instead-of-ce',
      title: 'KL divergence Σ q (log q − log p) instead of cross-entropy',
      explanation: 'The loss asked for is the cross-entropy −Σ q log p. KL(q‖p) subtracts the entropy of q, a constant that shifts the value (and gives NaN from 0·log 0 when ε = 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-cross-entropy',
      title: 'sigmoid (per-class binary) cross-entropy instead of softmax cross-entropy',
      explanation: 'The classes are mutually exclusive: the loss is −Σₖ qₖ·log softmax(z)ₖ with qₖ = (1 − ε)·[k = y] + ε/K. tf.losses.sigmoidCrossEntropy scores each class as an independent yes/no, smooths towards ½ and averages over all N·K entries.',
      diagnostic: 'mismatch',
    },
    {
      id: 'eps-over-batch-size',
      title: 'uniform mass ε/N (batch size) instead of ε/K (number of classes)',
      explanation: 'The smoothing mass is spread over the K classes of each row: q = (1 − ε)·onehot + ε/K with K = logits.shape[1]. Dividing by shape[0] uses the batch size, so the target no longer sums to 1.',
      diagnostic: 'mismatch',
    },
  ],
});
