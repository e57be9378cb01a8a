import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { maskedCrossEntropy } from './reference';

/**
 * Right-padded targets [B, T]: row r has `lengths[r]` real tokens (ids in [0, V) other than padId),
 * then padding. At least one real token overall.
 */
function paddedTargets(rng: Rng, lengths: number[], T: number, V: number, padId: number) {
  const values: number[] = [];
  for (const len of lengths) {
    for (let t = 0; t < T; t++) {
      if (t >= len) {
        values.push(padId);
        continue;
      }
      let id = rng.int(0, V - 2);
      if (id >= padId) id++; // skip the pad id
      values.push(id);
    }
  }
  return tensorSpec(values, [lengths.length, T], 'int32');
}

function randomCase(rng: Rng, name: string, B: number, T: number, V: number, padId: number, lengths?: number[], scale = 2): CaseSpec {
  const lens = lengths ?? Array.from({ length: B }, () => rng.int(1, T));
  return { name, public: false, args: [rng.normal([B, T, V], scale), paddedTargets(rng, lens, T, V, padId), padId] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sequence, last position padded (padId = 0)',
      public: true,
      args: [tensorSpec([1, 2, 0, 0, 3, 1, 0.5, 0, 0], [1, 3, 3]), tensorSpec([1, 2, 0], [1, 3], 'int32'), 0],
    },
    {
      name: 'example 2: batch of 2, padId = 3',
      public: true,
      args: [
        tensorSpec([2, 0, 1, -1, 0, 1, 0, 2, 1, 3, 0, 0, 0, 0, 1, 4], [2, 2, 4]),
        tensorSpec([0, 2, 1, 3], [2, 2], 'int32'),
        3,
      ],
    },
  ];
  list.push(randomCase(rng, 'hidden: no padding at all', 2, 5, 6, 0, [5, 5]));
  list.push(randomCase(rng, 'hidden: padId = V − 1, ragged rows', 3, 6, 8, 7));
  list.push(randomCase(rng, 'hidden: batch 1, one real token then padding', 1, 6, 5, 0, [1]));
  list.push(randomCase(rng, 'hidden: a row that is all padding', 3, 4, 6, 2, [4, 0, 2]));
  list.push(randomCase(rng, 'hidden: sequence length 1', 4, 1, 7, 1, [1, 1, 1, 1]));
  list.push(randomCase(rng, 'hidden: mostly padding', 4, 8, 5, 0, [1, 2, 1, 3]));
  list.push(randomCase(rng, 'hidden: large-magnitude logits', 2, 5, 10, 0, undefined, 40));
  list.push(randomCase(rng, 'hidden: large vocabulary, padId in the middle', 2, 6, 64, 31));
  for (let i = 0; i < 3; i++) {
    const V = rng.int(2, 20);
    list.push(randomCase(rng, `hidden: random shapes ${i + 1}`, rng.int(1, 5), rng.int(1, 10), V, rng.int(0, V - 1)));
  }
  return list;
}

export default defineProblem({
  id: 'training/masked-cross-entropy',
  entry: 'maskedCrossEntropy',
  argNames: ['logits', 'targets', 'padId'],
  reference: maskedCrossEntropy,
  // { loss, accuracy }: both shape [] (0-d tensors) (no dtype stated; float32).
  output: objectOf({ loss: scalarTensor(), accuracy: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'pads-not-masked',
      title: 'padding positions included in the loss',
      explanation:
        'The loss averages the cross-entropy of padding tokens too. Build mask = (targets ≠ padId) and average the per-token loss over the masked positions only: Σ(nll·mask) / Σ mask.',
      diagnostic: 'mismatch',
    },
    {
      id: 'divides-by-all-tokens',
      title: 'padding zeroed but still counted in the mean',
      explanation:
        'Multiplying by the mask and then calling mean() divides by B·T, so batches with more padding get a smaller loss. Divide by the number of real tokens, Σ mask.',
      diagnostic: 'mismatch',
    },
    {
      id: 'double-softmax',
      title: 'softmax applied before a loss that expects logits (double softmax)',
      explanation:
        'The cross-entropy takes raw logits and applies log-softmax itself; feeding it probabilities squashes them into [0, 1] and gives a loss near log V. Pass the logits straight to log-softmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-counts-pads',
      title: 'accuracy computed over padding positions too',
      explanation:
        'Token accuracy is (correct real tokens) / (real tokens). Multiply the correct-prediction indicator by the mask and divide by Σ mask.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softmax-over-time-axis',
      title: 'log-softmax over the sequence axis instead of the vocabulary',
      explanation: 'Each position is a distribution over the V vocabulary entries: use tf.logSoftmax(logits, -1), not axis 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'pad-id-assumed-zero',
      title: 'padding assumed to be id 0',
      explanation: 'Use the padId argument for the mask; tokenizers put padding at different ids (0, V − 1, …).',
      diagnostic: 'mismatch',
    },
  ],
});
