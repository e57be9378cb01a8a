import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { sacTargets } from './reference';

interface Opts {
  pDone?: number;
  logitScale?: number;
  qScale?: number;
  /** Offset added to Q2 (positive: Q1 is always the smaller one when large). */
  q2Offset?: number;
}

function batch(rng: Rng, B: number, A: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.2, logitScale = 1, qScale = 1, q2Offset = 0 } = o;
  const dones = Array.from({ length: B }, () => (rng.next() < pDone ? 1 : 0));
  const shifted = (offset: number) => {
    const q = rng.normal([B, A], qScale);
    q.data.forEach((x, i) => (q.data[i] = x + offset));
    return q;
  };
  return [
    rng.normal([B]),
    tensorSpec(dones, [B]),
    rng.normal([B, A], logitScale),
    rng.normal([B, A], qScale),
    shifted(q2Offset),
    rng.normal([B, A], logitScale),
    rng.normal([B, A], qScale),
    shifted(q2Offset),
  ];
}

function hidden(rng: Rng, name: string, B: number, A: number, logAlpha: number, gamma: number, targetEntropy: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...batch(rng, B, A, o), logAlpha, gamma, targetEntropy] };
}

const t2 = (rows: number[][]) => tensorSpec(rows.flat(), [rows.length, rows[0].length]);

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: uniform policies, one terminal transition',
      public: true,
      args: [
        tensorSpec([1, 0], [2]),
        tensorSpec([0, 1], [2]),
        t2([[0, 0], [0, 0]]),
        t2([[2, 1], [5, 5]]),
        t2([[1, 3], [0, 0]]),
        t2([[0, 0], [0, 0]]),
        t2([[1, 0], [2, 2]]),
        t2([[0, 2], [2, 1]]),
        Math.log(0.5),
        0.9,
        0.5,
      ],
    },
    {
      name: 'example 2: three transitions, crossing twin critics',
      public: true,
      args: [
        tensorSpec([0.5, -1, 2], [3]),
        tensorSpec([0, 0, 1], [3]),
        t2([[1, 0, -1], [2, 2, 0], [0, 0, 0]]),
        t2([[1, 2, 3], [0, -1, 4], [9, 9, 9]]),
        t2([[2, 1, 2], [1, -2, 3], [9, 9, 9]]),
        t2([[0, 1, 2], [-1, 0, 1], [3, 0, 0]]),
        t2([[1, 1, 0], [2, 0, -1], [0, 1, 2]]),
        t2([[0, 2, 1], [1, 1, 1], [1, 0, 2]]),
        Math.log(0.2),
        0.99,
        0.8,
      ],
    },
    hidden(rng, 'hidden: batch 64, 4 actions, α = 0.2, γ = 0.99', 64, 4, Math.log(0.2), 0.99, 0.98 * Math.log(4)),
    hidden(rng, 'hidden: every transition terminal (targets = rewards)', 8, 3, Math.log(0.1), 0.99, 0.5, { pDone: 1 }),
    hidden(rng, 'hidden: no terminal transitions', 16, 5, Math.log(0.3), 0.95, 1, { pDone: 0 }),
    hidden(rng, 'hidden: batch of one, two actions', 1, 2, Math.log(0.5), 0.9, 0.3, { pDone: 0 }),
    hidden(rng, 'hidden: a single action (π = 1, zero entropy)', 6, 1, Math.log(0.5), 0.9, -1),
    hidden(rng, 'hidden: huge logits (log of softmax underflows)', 8, 4, Math.log(0.2), 0.99, 0.5, { logitScale: 150 }),
    hidden(rng, 'hidden: tiny temperature (α = e^−8)', 12, 3, -8, 0.99, 0.5),
    hidden(rng, 'hidden: large temperature (α = e^2)', 12, 3, 2, 0.99, 0.5),
    hidden(rng, 'hidden: Q2 well above Q1 everywhere', 10, 4, Math.log(0.2), 0.99, 0.5, { q2Offset: 5 }),
    hidden(rng, 'hidden: γ = 0', 10, 3, Math.log(0.2), 0, 0.5),
    hidden(rng, 'hidden: large Q values', 16, 6, Math.log(0.05), 0.99, 1.5, { qScale: 100 }),
  ];
  for (let i = 0; i < 3; i++) {
    const A = rng.int(2, 8);
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 32), A, Math.log(rng.pick([0.05, 0.1, 0.2, 0.5])), rng.pick([0.9, 0.99]), 0.98 * Math.log(A) * rng.next(), { q2Offset: rng.gaussian() }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/sac-targets',
  entry: 'sacTargets',
  argNames: ['rewards', 'dones', 'nextLogits', 'nextQ1', 'nextQ2', 'logits', 'q1', 'q2', 'logAlpha', 'gamma', 'targetEntropy'],
  reference: sacTargets,
  // { qTarget: [B] float32, policyLoss: [] float32, alphaLoss: [] float32 }.
  output: objectOf({
    qTarget: tensorOf('float32', (args) => shapeOf(args, 0)),
    policyLoss: scalarTensor('float32'),
    alphaLoss: scalarTensor('float32'),
  }),
  cases,
  mistakes: [
    {
      id: 'twin-max',
      title: 'max of the twin critics instead of the min',
      explanation: 'Clipped double-Q takes the smaller of the two critics, min(Q1, Q2), per action — in the target and in the policy loss — to counter overestimation. The max makes it worse.',
      diagnostic: 'mismatch',
    },
    {
      id: 'target-entropy-sign',
      title: 'entropy term added with the wrong sign in the soft value',
      explanation: 'The soft value is E_π[min Q − α·log π]: since log π ≤ 0, −α·log π is a bonus for randomness. Adding α·log π penalizes it.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dones-ignored',
      title: 'bootstraps through terminal transitions',
      explanation: 'A terminal transition has no next state: its target is the reward alone. Multiply γ·V(s′) by (1 − done).',
      diagnostic: 'mismatch',
    },
    {
      id: 'target-uses-current-policy',
      title: 'next-state value weighted by π(·|s) instead of π(·|s′)',
      explanation: 'The soft value of s′ is an expectation under the policy at s′: use the softmax of nextLogits (and its log-probabilities) in the target, not the current-state logits.',
      diagnostic: 'mismatch',
    },
    {
      id: 'uniform-average-over-actions',
      title: 'plain average over actions instead of the expectation under π',
      explanation: 'Discrete SAC computes V(s′) = Σ_a π(a|s′)·[min Q(s′, a) − α·log π(a|s′)]: weight each action by its probability instead of averaging them uniformly.',
      diagnostic: 'mismatch',
    },
    {
      id: 'single-critic',
      title: 'only the first critic used',
      explanation: 'SAC keeps two critics and uses min(Q1, Q2) for both the target and the policy loss. Using Q1 alone loses the protection against overestimation.',
      diagnostic: 'mismatch',
    },
    {
      id: 'policy-loss-sign',
      title: 'policy loss sign flipped',
      explanation: 'The policy minimizes E_π[α·log π − min Q]: it wants high Q and high entropy. Writing min Q − α·log π makes gradient descent do the opposite.',
      diagnostic: 'mismatch',
    },
    {
      id: 'alpha-loss-sign',
      title: 'temperature loss sign flipped',
      explanation: 'The temperature loss is −log α · mean(Σ_a π log π + H̄): when the entropy falls below the target H̄, its gradient raises α. With the opposite sign α moves the wrong way.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-of-softmax',
      title: 'log(softmax(x)) instead of logSoftmax (−∞ · 0 = NaN)',
      explanation: 'For very negative logits softmax underflows to exactly 0, log gives −∞ and π·log π becomes 0·(−∞) = NaN. tf.logSoftmax subtracts the log-sum-exp and stays finite; take π = exp(logSoftmax).',
      diagnostic: 'non-finite',
    },
    {
      id: 'min-after-expectation',
      title: 'min of the two expected Q values instead of the expected per-action min',
      explanation: 'The clipped value is Σ_a π(a|s′)·min(Q1(s′, a), Q2(s′, a)). Taking min(Σ π Q1, Σ π Q2) is larger whenever the critics cross between actions.',
      diagnostic: 'mismatch',
    },
  ],
});
