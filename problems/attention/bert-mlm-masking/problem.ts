import { defineProblem, type ArgSpec, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { mlmCorrupt } from './reference';

interface Vocab {
  pad: number;
  cls: number;
  sep: number;
  mask: number;
  /** Ordinary word ids are firstWord .. V − 1. */
  firstWord: number;
  V: number;
  specialIds: number[];
}

const SMALL: Vocab = { pad: 0, cls: 1, sep: 2, mask: 3, firstWord: 4, V: 40, specialIds: [0, 1, 2] };

/** What a generated case promises; the generator checks each in double precision and throws otherwise. */
interface Promises {
  /** A picked position of each kind: replaced by [MASK], replaced by a random id, kept. */
  everyAction?: boolean;
  /** A special position whose uSelect is below the rate (so it would be picked if not excluded). */
  specialBelowRate?: boolean;
  /** A picked position whose label has probability 0 in float64 under a plain softmax. */
  underflow?: boolean;
}

/** Decide, in plain JavaScript, which positions the statement's rule picks and how each is corrupted. */
function simulate(args: ArgSpec[]) {
  const [ids, specialIds, , rate, uSelect, uAction, , logits] = args as unknown as [TensorSpec, number[], number, number, TensorSpec, TensorSpec, TensorSpec, TensorSpec];
  const V = logits.shape[2];
  const picks: { i: number; action: 'mask' | 'random' | 'keep' }[] = [];
  let specialBelowRate = false;
  let underflow = false;
  for (let i = 0; i < ids.data.length; i++) {
    const special = specialIds.includes(ids.data[i]);
    if (special && uSelect.data[i] < rate) specialBelowRate = true;
    if (special || !(uSelect.data[i] < rate)) continue;
    const u = uAction.data[i];
    picks.push({ i, action: u < 0.8 ? 'mask' : u < 0.9 ? 'random' : 'keep' });
    const row = Array.from(logits.data.subarray(i * V, (i + 1) * V));
    if (Math.exp(row[ids.data[i]] - Math.max(...row)) === 0) underflow = true;
  }
  return { picks, specialBelowRate, underflow };
}

function check(name: string, args: ArgSpec[], promise: Promises): ArgSpec[] {
  const { picks, specialBelowRate, underflow } = simulate(args);
  if (!picks.length) throw new Error(`${name}: no position is picked (the loss would be 0/0)`);
  const uAction = (args[5] as TensorSpec).data;
  if (Array.from(uAction).some((u) => Math.abs(u - 0.9) < 1e-6)) throw new Error(`${name}: a uAction at 0.9, where float32 and float64 disagree`);
  if (promise.everyAction && !['mask', 'random', 'keep'].every((a) => picks.some((p) => p.action === a))) {
    throw new Error(`${name}: not every action (mask, random, keep) occurs`);
  }
  if (promise.specialBelowRate && !specialBelowRate) throw new Error(`${name}: no special position has uSelect < rate`);
  if (promise.underflow && !underflow) throw new Error(`${name}: no picked label underflows under a plain softmax`);
  return args;
}

/**
 * Rows of [CLS] words… [SEP] then padding; `lengths[r]` counts the words. uSelect, uAction uniform,
 * random ids drawn from the word ids, logits N(0, scale²).
 */
function batch(rng: Rng, name: string, lengths: number[], T: number, rate: number, vocab: Vocab, promise: Promises, logitScale = 2): CaseSpec {
  const B = lengths.length;
  const ids: number[] = [];
  for (const len of lengths) {
    if (len + 2 > T) throw new Error(`${name}: a row of ${len} words does not fit in T = ${T}`);
    ids.push(vocab.cls);
    for (let t = 0; t < len; t++) ids.push(rng.int(vocab.firstWord, vocab.V - 1));
    ids.push(vocab.sep);
    for (let t = len + 2; t < T; t++) ids.push(vocab.pad);
  }
  // Small batches sometimes miss a promised property: redraw the randomness (seeded, so still deterministic).
  for (let attempt = 0; ; attempt++) {
    const args = [
      tensorSpec(ids, [B, T], 'int32'),
      vocab.specialIds,
      vocab.mask,
      rate,
      rng.uniform([B, T]),
      rng.uniform([B, T]),
      rng.ints([B, T], vocab.firstWord, vocab.V - 1),
      rng.normal([B, T, vocab.V], logitScale),
    ];
    try {
      return { name, public: false, args: check(name, args, promise) };
    } catch (error) {
      if (attempt >= 200) throw error;
    }
  }
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: one sentence with padding, rate 0.15, zero logits',
      public: true,
      args: check('example 1', [
        tensorSpec([1, 4, 5, 6, 7, 2, 0, 0], [1, 8], 'int32'),
        [0, 1, 2],
        3,
        0.15,
        tensorSpec([0.05, 0.1, 0.7, 0.12, 0.14, 0.01, 0.03, 0.9], [1, 8]),
        tensorSpec([0.5, 0.3, 0.2, 0.85, 0.93, 0.95, 0.6, 0.7], [1, 8]),
        tensorSpec([8, 9, 4, 5, 6, 7, 8, 9], [1, 8], 'int32'),
        tensorSpec(new Array(80).fill(0), [1, 8, 10]),
      ], { everyAction: true, specialBelowRate: true }),
    },
    {
      name: 'example 2: batch of 2, rate 0.5, uSelect = rate and uAction = 0.8 boundaries',
      public: true,
      args: check('example 2', [
        tensorSpec([1, 3, 4, 0, 1, 4, 4, 3], [2, 4], 'int32'),
        [0, 1],
        2,
        0.5,
        tensorSpec([0.2, 0.5, 0.1, 0.3, 0.6, 0.45, 0.05, 0.49], [2, 4]),
        tensorSpec([0.95, 0.7, 0.8, 0.1, 0.2, 0.95, 0.3, 0.85], [2, 4]),
        tensorSpec([3, 4, 3, 4, 4, 3, 3, 4], [2, 4], 'int32'),
        tensorSpec(
          [2, 0, 1, 0, -1, 0, 3, 1, 0, 0, 1, 1, 0, 2, 0, 0, 0, 0, 1, 3, 0, 2, 0, 0, 1, 1, 0, 0, 0, 2, 0, 1, 3, 0, 0, 2, 0, 0, 1, 0],
          [2, 4, 5],
        ),
      ], { everyAction: true, specialBelowRate: true }),
    },
    { ...batch(rng, 'example 3: batch 2, T = 12, rate 0.3', [8, 5], 12, 0.3, SMALL, { everyAction: true, specialBelowRate: true }), public: true },
    batch(rng, 'hidden: BERT-like batch, rate 0.15, ragged rows', [30, 22, 38, 12], 40, 0.15, { ...SMALL, V: 64 }, { everyAction: true, specialBelowRate: true }),
    batch(rng, 'hidden: batch 1', [14], 16, 0.3, SMALL, { everyAction: true, specialBelowRate: true }),
    batch(rng, 'hidden: rate 1 (every non-special token picked)', [6, 3, 9], 11, 1, SMALL, { everyAction: true, specialBelowRate: true }),
    batch(rng, 'hidden: a row that is all padding', [10, 0, 7], 12, 0.4, SMALL, { everyAction: true, specialBelowRate: true }),
    batch(
      rng,
      'hidden: BERT ids (PAD 0, CLS 101, SEP 102, MASK 103 also listed as special), vocabulary 160',
      [20, 16, 9],
      24,
      0.25,
      { pad: 0, cls: 101, sep: 102, mask: 103, firstWord: 104, V: 160, specialIds: [0, 101, 102, 103] },
      { everyAction: true, specialBelowRate: true },
    ),
    batch(rng, 'hidden: padding id 5 inside the id range, specials listed in another order', [9, 12], 16, 0.35, { pad: 5, cls: 7, sep: 2, mask: 11, firstWord: 12, V: 48, specialIds: [2, 7, 5] }, { everyAction: true, specialBelowRate: true }),
    batch(rng, 'hidden: large-magnitude logits (a label probability underflows in float64)', [10, 8], 12, 0.5, { ...SMALL, V: 12 }, { everyAction: true, underflow: true }, 600),
  ];

  // Sequence length 1: no [CLS]/[SEP], every row one word or one pad.
  {
    const ids = tensorSpec([9, 0, 12, 6], [4, 1], 'int32');
    const args = [ids, [0, 1, 2], 3, 0.5, tensorSpec([0.2, 0.1, 0.7, 0.4], [4, 1]), tensorSpec([0.1, 0.5, 0.2, 0.95], [4, 1]), tensorSpec([20, 21, 22, 23], [4, 1], 'int32'), rng.normal([4, 1, 30], 2)];
    list.push({ name: 'hidden: sequence length 1 (one picked word masked, one kept, a pad below the rate)', public: false, args: check('T = 1', args, { specialBelowRate: true }) });
  }

  // Ties: uSelect exactly the rate (not picked) and uAction exactly 0.8 (random), plus ordinary positions.
  {
    const name = 'hidden: ties, uSelect = rate (not picked) and uAction = 0.8 (random id)';
    const spec = batch(rng, name, [12, 10], 16, 0.25, SMALL, {});
    const [ids, , , , uSelect, uAction] = spec.args as TensorSpec[];
    let ties = 0;
    let other = 0;
    for (let i = 0; i < ids.data.length; i++) {
      if (SMALL.specialIds.includes(ids.data[i])) continue;
      if (i % 3 === 0) uSelect.data[i] = 0.25;
      else if (i % 3 === 1) {
        uSelect.data[i] = 0.05;
        uAction.data[i] = 0.8;
        ties++;
      } else if (other++ % 3 < 2) {
        // Picked, alternately kept and masked, so every action occurs.
        uSelect.data[i] = 0.1;
        uAction.data[i] = other % 2 ? 0.95 : 0.4;
      }
    }
    if (!ties) throw new Error(`${name}: no tie`);
    list.push({ ...spec, args: check(name, spec.args, { everyAction: true }) });
  }

  for (let i = 0; i < 3; i++) {
    const B = rng.int(1, 4);
    const T = rng.int(6, 20);
    const lengths = Array.from({ length: B }, () => rng.int(2, T - 2));
    list.push(batch(rng, `hidden: random shapes ${i + 1}`, lengths, T, rng.pick([0.15, 0.3, 0.5]), { ...SMALL, V: rng.int(10, 50) }, {}));
  }
  return list;
}

export default defineProblem({
  id: 'attention/bert-mlm-masking',
  entry: 'mlmCorrupt',
  argNames: ['ids', 'specialIds', 'maskId', 'rate', 'uSelect', 'uAction', 'randomIds', 'logits'],
  reference: mlmCorrupt,
  // { inputIds: int32 [B, T], labels: int32 [B, T], loss: float32 [] }.
  output: objectOf({
    inputIds: tensorOf('int32', (args) => shapeOf(args, 0)),
    labels: tensorOf('int32', (args) => shapeOf(args, 0)),
    loss: scalarTensor(),
  }),
  cases,
  mistakes: [
    {
      id: 'specials-selected',
      title: 'special tokens ([CLS], [SEP], [PAD]) can be picked',
      explanation:
        'Only ordinary tokens take part in the MLM task: a position whose id is in specialIds is never picked, whatever its uniform. Build the special mask (id equal to any special id) and pick = not special AND uSelect < rate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'labels-only-masked',
      title: 'labels (and loss) only at the positions replaced by [MASK]',
      explanation:
        'Every picked position is predicted, including the 10% replaced by a random id and the 10% left unchanged — that is the point of 80/10/10: the model cannot tell which tokens it will be graded on. labels = ids wherever picked, −100 elsewhere.',
      diagnostic: 'mismatch',
    },
    {
      id: 'labels-everywhere',
      title: 'labels at every position (loss over all tokens)',
      explanation: 'Unpicked positions are not part of the MLM loss: their label is −100 and they do not enter the mean. Only the picked positions carry the original id.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-on-all-real-tokens',
      title: 'loss averaged over every non-special token, not just the picked ones',
      explanation: 'The MLM loss is the mean cross-entropy over the picked positions only (labels ≠ −100). Tokens that were never picked are visible to the model; predicting them is trivial and dilutes the loss.',
      diagnostic: 'mismatch',
    },
    {
      id: 'labels-from-corrupted',
      title: 'labels taken from the corrupted input instead of the original ids',
      explanation: 'The target at a picked position is the original token, not what the model sees (the [MASK] id or the random id). Take labels from ids, before corruption.',
      diagnostic: 'mismatch',
    },
    {
      id: 'always-mask',
      title: 'every picked position replaced by [MASK] (no 80/10/10)',
      explanation: 'Of the picked positions, only those with uAction < 0.8 become [MASK]; 0.8 ≤ uAction < 0.9 get the random id, uAction ≥ 0.9 keep the original token.',
      diagnostic: 'mismatch',
    },
    {
      id: 'random-keep-swapped',
      title: 'random and keep bands swapped',
      explanation: 'uAction in [0.8, 0.9) means a random id (from randomIds) and uAction ≥ 0.9 means keep the original token, not the other way round.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-divided-by-all-positions',
      title: 'masked loss divided by B·T instead of the number of picked positions',
      explanation: 'Zeroing the unpicked positions is right, but the mean must divide by the number of picked positions, Σ picked, not take .mean() over all B·T entries.',
      diagnostic: 'mismatch',
    },
    {
      id: 'unpicked-label-zero',
      title: 'unpicked positions labelled 0 instead of −100',
      explanation: 'The ignore label is −100 (the ignore_index of PyTorch cross-entropy); 0 is a real token id (often [PAD]) and would be trained on.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(z)) instead of a stable log-softmax',
      explanation: 'With large logits a label’s probability underflows to 0 and log(0) = −Infinity. Use tf.logSoftmax (z − max − log Σ exp(z − max)).',
      diagnostic: 'non-finite',
    },
  ],
});
