import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
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
  const logits = rng.normal([B, T, V], scale);
  // The statement promises a unique argmax in every row.
  for (let row = 0; row < B * T; row++) {
    const values = Array.from(logits.data.subarray(row * V, (row + 1) * V));
    const max = Math.max(...values);
    if (values.filter((v) => v === max).length > 1) throw new Error(`${name}: tied largest logits in row ${row}`);
  }
  return { name, public: false, args: [logits, paddedTargets(rng, lens, T, V, padId), padId] };
}

/**
 * Logits of ±1000 with right padding: every row of logits is a permutation of V distinct values from
 * −1000 to 1000 (a unique argmax). At padding positions the pad id holds the largest logit; the first
 * token of each row has the smallest logit as its target, whose probability e^(−2000) underflows
 * to 0 even in float64 — log(softmax(z)) is −Infinity there, log-softmax is −2000.
 */
function extremeCase(rng: Rng, lengths: number[], T: number, V: number, padId: number): ArgSpec[] {
  const logits: number[] = [];
  const targets: number[] = [];
  for (const length of lengths) {
    for (let t = 0; t < T; t++) {
      const row = Array.from({ length: V }, (_, v) => -1000 + (2000 * v) / (V - 1));
      for (let i = V - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [row[i], row[j]] = [row[j], row[i]];
      }
      if (t >= length) {
        // Padding: move the largest logit onto the pad id.
        const argmax = row.indexOf(1000);
        [row[argmax], row[padId]] = [row[padId], row[argmax]];
        targets.push(padId);
      } else if (t === 0) {
        // The row's first token: its target is the smallest logit (moved off the pad id if needed).
        const other = (padId + 1) % V;
        if (row[padId] === -1000) [row[padId], row[other]] = [row[other], row[padId]];
        targets.push(row.indexOf(-1000));
      } else {
        let id = rng.int(0, V - 2);
        if (id >= padId) id++;
        targets.push(id);
      }
      logits.push(...row);
    }
  }
  const underflowing = targets.filter((y, i) => y !== padId && Math.exp(logits[i * V + y] - Math.max(...logits.slice(i * V, (i + 1) * V))) === 0);
  if (!underflowing.length) throw new Error('extremeCase: no real token whose target probability underflows in float64');
  return [tensorSpec(logits, [lengths.length, T, V]), tensorSpec(targets, [lengths.length, T], 'int32'), padId];
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
  list.push({ name: 'hidden: logits of ±1000 (a target probability underflows even in float64)', public: false, args: extremeCase(rng, [4, 2], 4, 6, 2) });
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
      id: 'loss-summed',
      title: 'loss summed over the real tokens instead of averaged',
      explanation: 'The loss is the mean over real tokens: divide Σ(nll·mask) by Σ mask, so it does not grow with the number of tokens.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(z)) instead of a stable log-softmax (−Infinity · 0 = NaN)',
      explanation:
        'For large logits a probability underflows to 0 (in float64 too once logits differ by ~750) and log(0) = −Infinity; picking the target with a one-hot product then gives −Infinity · 0 = NaN. Use tf.logSoftmax, i.e. log p = z − max − log Σ exp(z − max).',
      diagnostic: 'non-finite',
    },
    {
      id: 'log-of-softmax-gathered',
      title: "log(softmax(z)) instead of a stable log-softmax (the target's probability underflows)",
      explanation:
        'When the target\'s logit is far below the largest one, softmax gives it probability 0 (in float64 too once logits differ by ~750), and −log(0) = Infinity becomes the loss. Use tf.logSoftmax, i.e. log p = z − max − log Σ exp(z − max).',
      diagnostic: 'non-finite',
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
    {
      id: 'loss-numerator-not-masked',
      title: 'padding kept in the loss sum, only the divisor uses the real-token count',
      explanation: 'Both parts of the mean must be masked: Σ(nll·mask) / Σ mask. Summing the NLL of every position (padding included) and dividing by the number of real tokens inflates the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-of-row-means',
      title: 'averaged within each sequence first, then over the batch',
      explanation: 'The loss and the accuracy are means over all real tokens of the batch, Σ(x·mask) / Σ mask. A mean of per-row means gives short sequences more weight, and a row that is all padding divides 0 by 0.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-inverted',
      title: 'mask inverted: keeps the padding positions and drops the real tokens',
      explanation: 'The mask is 1 where the target is a real token: targets ≠ padId (tf.notEqual), not targets = padId.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-divides-by-all-tokens',
      title: 'accuracy divided by B·T instead of the number of real tokens',
      explanation: 'Masking the correct-prediction indicator is right, but then divide by Σ mask, not take .mean() over every position, or padded batches look less accurate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-minus',
      title: 'missing minus sign in the cross-entropy (loss is negative)',
      explanation: 'The per-token loss is −log p(target); log-probabilities are ≤ 0, so without the minus the loss is negative.',
      diagnostic: 'mismatch',
    },
    {
      id: 'nll-mean-over-vocab',
      title: 'target log-probability picked with a mean over the vocabulary (divided by V)',
      explanation: 'Multiplying log p by the one-hot target and taking .mean(-1) divides the picked value by V. Use .sum(-1) (or gather the target entry) to get −log p(target).',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-count-not-fraction',
      title: 'accuracy returned as a count of correct tokens instead of a fraction',
      explanation: 'Accuracy is (correct real tokens) / (real tokens), a number in [0, 1]: divide the masked sum by Σ mask.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-divided-by-batch',
      title: 'loss summed per sequence and averaged over the batch size B instead of the real-token count',
      explanation: 'The loss is a mean over real tokens: Σ mask·nll / Σ mask. Dividing the masked sum by B gives the average per-sequence total, which grows with sequence length.',
      diagnostic: 'mismatch',
    },
    {
      id: 'targets-shifted-by-one',
      title: 'targets shifted by one position (next-token shift done again)',
      explanation: 'targets[b, t] is already the label for logits[b, t]; the shift was done when the batch was built. Pairing logits at t with the target at t + 1 scores every prediction against the wrong token.',
      diagnostic: 'mismatch',
    },
  ],
});
