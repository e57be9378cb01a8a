import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { rewardModelLoss } from './reference';

interface Opts {
  /** Mean of chosen − rejected (how well the reward model already ranks the pairs). */
  gap?: number;
  /** Spread of the rewards. */
  scale?: number;
  /** Fraction of pairs that are exact ties (rejected = chosen). */
  pTie?: number;
  /** Margins drawn from these values; absent means no margin argument. */
  margins?: number[];
}

function pairs(rng: Rng, B: number, o: Opts = {}): TensorSpec[] {
  const { gap = 0.5, scale = 1, pTie = 0, margins } = o;
  const chosen: number[] = [];
  const rejected: number[] = [];
  const margin: number[] = [];
  for (let i = 0; i < B; i++) {
    const c = scale * rng.gaussian() + gap / 2;
    chosen.push(c);
    rejected.push(rng.next() < pTie ? c : scale * rng.gaussian() - gap / 2);
    if (margins) margin.push(rng.pick(margins));
  }
  const args = [tensorSpec(chosen, [B]), tensorSpec(rejected, [B])];
  if (margins) args.push(tensorSpec(margin, [B]));
  return args;
}

function hidden(rng: Rng, name: string, B: number, o?: Opts): CaseSpec {
  return { name, public: false, args: pairs(rng, B, o) };
}

/** The float32 reward differences of a case (what the user's tensors hold). */
function diffs(spec: CaseSpec): { d: number[]; z: number[] } {
  const [c, r, m] = spec.args as [TensorSpec, TensorSpec, TensorSpec | undefined];
  const d = Array.from(c.data, (x, i) => Math.fround(x - r.data[i]));
  return { d, z: d.map((x, i) => x - (m ? m.data[i] : 0)) };
}

function assert(ok: boolean, message: string): void {
  if (!ok) throw new Error(`reward-model-loss: ${message}`);
}

/** Makes pairs 0 and 1 badly ranked (z ≈ −150 and −110, where sigmoid(z) is 0 in float32) and pair 2 very well ranked. */
function farOff(spec: CaseSpec): CaseSpec {
  const [c, r] = spec.args as TensorSpec[];
  c.data[0] = r.data[0] - 150;
  c.data[1] = r.data[1] - 110;
  c.data[2] = r.data[2] + 130;
  assert(diffs(spec).z.some((z) => z < -100), 'the stability case needs a pair with d − m < −100');
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: three pairs, the last a tie, no margin',
      public: true,
      args: [tensorSpec([1.5, 0.2, -0.3], [3]), tensorSpec([0.5, 0.7, -0.3], [3])],
    },
    {
      name: 'example 2: three pairs with margins',
      public: true,
      args: [tensorSpec([2, 0.5, 1], [3]), tensorSpec([-1, 1, 0.75], [3]), tensorSpec([1, 0.5, 0.5], [3])],
    },
    hidden(rng, 'hidden: 16 pairs, no margin', 16),
    hidden(rng, 'hidden: batch 1, no margin', 1, { gap: 1 }),
    hidden(rng, 'hidden: batch 1 with a margin', 1, { gap: 1, margins: [0.7] }),
    hidden(rng, 'hidden: 12 pairs, some exact ties', 12, { pTie: 0.35 }),
    hidden(rng, 'hidden: 24 pairs with margins 0, 0.5, 1, 2', 24, { gap: 1.5, margins: [0, 0.5, 1, 2] }),
    hidden(rng, 'hidden: margin given but all zero', 8, { margins: [0] }),
    farOff(hidden(rng, 'hidden: badly ranked pairs (d ≈ −150): log σ must be stable', 10, { scale: 2 })),
    farOff(hidden(rng, 'hidden: badly ranked pairs with margins (stability)', 10, { scale: 2, margins: [0.5, 1, 3] })),
    hidden(rng, 'hidden: 256 pairs with margins and ties', 256, { gap: 0.8, pTie: 0.1, margins: [0, 1, 2] }),
  ];
  {
    // Every pair tied: accuracy 0, and every loss term is −log σ(−m) (log 2 where m = 0).
    const B = 5;
    const chosen = Array.from({ length: B }, () => rng.gaussian());
    list.push({ name: 'hidden: every pair tied (accuracy 0)', public: false, args: [tensorSpec(chosen, [B]), tensorSpec(chosen, [B])] });
    list.push({
      name: 'hidden: every pair tied, with margins',
      public: false,
      args: [tensorSpec(chosen, [B]), tensorSpec(chosen, [B]), tensorSpec([0, 1, 0.5, 2, 1], [B])],
    });
  }
  {
    const spec = hidden(rng, 'hidden: every pair ranked correctly (accuracy 1)', 9, { gap: 2, scale: 0.3 });
    assert(diffs(spec).d.every((d) => d > 0), 'the all-correct case needs d > 0 everywhere');
    list.push(spec);
  }
  {
    const spec = hidden(rng, 'hidden: every pair ranked wrongly, with margins (accuracy 0)', 9, { gap: -2, scale: 0.3, margins: [0.5, 1] });
    assert(diffs(spec).d.every((d) => d < 0), 'the all-wrong case needs d < 0 everywhere');
    list.push(spec);
  }
  {
    // Pairs ranked correctly but inside their margin (0 < d < m): correct for the accuracy, still a
    // large loss term. The margin must come out of the loss and stay out of the accuracy.
    const B = 8;
    const rejected = Array.from({ length: B }, () => rng.gaussian());
    const margin = Array.from({ length: B }, () => 1 + rng.next());
    const chosen = rejected.map((r, i) => r + margin[i] * (i % 2 ? 0.2 + 0.6 * rng.next() : 1.5 + rng.next()));
    const spec: CaseSpec = { name: 'hidden: pairs ranked correctly but inside their margin (0 < d < m)', public: false, args: [tensorSpec(chosen, [B]), tensorSpec(rejected, [B]), tensorSpec(margin, [B])] };
    const { d, z } = diffs(spec);
    assert(d.every((x) => x > 0) && z.some((x) => x < 0), 'the inside-margin case needs d > 0 and some d − m < 0');
    list.push(spec);
  }
  for (let i = 0; i < 3; i++) {
    const withMargin = rng.next() < 0.5;
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 40), { gap: 2 * rng.next() - 0.5, scale: 0.5 + 2 * rng.next(), pTie: 0.1, margins: withMargin ? [0, 0.5, 1] : undefined }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/reward-model-loss',
  entry: 'rewardModelLoss',
  argNames: ['chosenRewards', 'rejectedRewards', 'margin'],
  reference: rewardModelLoss,
  // { loss, accuracy }: scalar float32 tensors.
  output: objectOf({ loss: scalarTensor(), accuracy: scalarTensor() }),
  cases,
  mistakes: [
    {
      id: 'sign-flipped',
      title: 'difference taken as rejected − chosen',
      explanation:
        'Bradley–Terry gives P(chosen ≻ rejected) = σ(r_c − r_r): the loss −log σ(r_c − r_r) is small when the chosen response scores higher. With r_r − r_c the model is trained to prefer the rejected answers, and the accuracy counts the wrong pairs.',
      diagnostic: 'mismatch',
    },
    {
      id: 'naive-log-sigmoid',
      title: 'log(sigmoid(z)) computed naively',
      explanation:
        'For z ≲ −90, sigmoid(z) underflows to 0 in float32 and its log is −Infinity, so a badly ranked pair makes the loss Infinity. Use tf.logSigmoid(z) (= −softplus(−z)), which is finite for every z.',
      diagnostic: 'non-finite',
    },
    {
      id: 'margin-added',
      title: 'margin added to the reward difference instead of subtracted',
      explanation:
        'The chosen reward must beat the rejected one by at least m: the loss is −log σ(r_c − r_r − m). Adding m makes strongly preferred pairs easier, the opposite of what the margin is for.',
      diagnostic: 'mismatch',
    },
    {
      id: 'margin-ignored',
      title: 'margin argument ignored',
      explanation: 'When a margin tensor is given, subtract it from the reward difference inside the sigmoid: −log σ(r_c − r_r − m).',
      diagnostic: 'mismatch',
    },
    {
      id: 'margin-in-accuracy',
      title: 'accuracy measured on r_c − r_r − m instead of the raw rewards',
      explanation:
        'The margin is a training device; the accuracy asks only whether the reward model ranks the pair correctly, r_c > r_r. Compute it from the raw difference, before the margin is subtracted.',
      diagnostic: 'mismatch',
    },
    {
      id: 'accuracy-counts-ties',
      title: 'a tie counted as correct (r_c ≥ r_r instead of r_c > r_r)',
      explanation:
        'A pair is ranked correctly only when the chosen reward is strictly higher. With ≥, a reward model that gives every response the same score would reach accuracy 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'missing-minus',
      title: 'missing minus sign (loss is log σ(z) ≤ 0)',
      explanation: 'The loss is the negative log-likelihood, −log σ(z) ≥ 0. Without the minus, minimising it would push every pair towards the wrong ranking.',
      diagnostic: 'mismatch',
    },
    {
      id: 'loss-summed',
      title: 'loss summed over the pairs instead of averaged',
      explanation: 'The loss is the mean over the B pairs: use mean(), not sum(), so its scale does not depend on the batch size.',
      diagnostic: 'mismatch',
    },
    {
      id: 'softplus-of-z',
      title: 'softplus(z) instead of softplus(−z)',
      explanation:
        '−log σ(z) = softplus(−z). softplus(z) is −log σ(−z), the loss of the opposite preference: it grows as the chosen reward pulls ahead. Negate z before the softplus (or use −tf.logSigmoid(z)).',
      diagnostic: 'mismatch',
    },
    {
      id: 'sigmoid-not-log',
      title: 'σ(z) used instead of log σ(z)',
      explanation:
        'The Bradley–Terry loss is the negative log-likelihood −log σ(z). Using −σ(z) gives vanishing gradients on the badly ranked pairs, exactly where the model needs to learn.',
      diagnostic: 'mismatch',
    },
  ],
});
