import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, scalarTensor, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { actorCriticLoss } from './reference';

interface Opts {
  pDone?: number;
  /** Probability that a row's last episode ends early and the rest of the row is padding. */
  pPad?: number;
  logitScale?: number;
  valueScale?: number;
  rewardScale?: number;
}

/** N rollouts of T steps; padding (mask 0) only ever follows a done in its row. */
function rollout(rng: Rng, N: number, T: number, A: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.15, pPad = 0.4, logitScale = 1, valueScale = 1, rewardScale = 1 } = o;
  const rewards: number[] = [];
  const dones: number[] = [];
  const mask: number[] = [];
  for (let n = 0; n < N; n++) {
    // Padding starts after step `end` (a done); end = T − 1 means no padding.
    const end = T > 1 && rng.next() < pPad ? rng.int(0, T - 2) : T - 1;
    for (let t = 0; t < T; t++) {
      rewards.push(t > end ? 10 * rewardScale * rng.gaussian() : rewardScale * rng.gaussian());
      dones.push(t === end && end < T - 1 ? 1 : t > end ? (rng.next() < 0.5 ? 1 : 0) : rng.next() < pDone ? 1 : 0);
      mask.push(t > end ? 0 : 1);
    }
  }
  return [
    rng.normal([N, T, A], logitScale),
    rng.ints([N, T], 0, A - 1),
    rng.normal([N, T + 1], valueScale),
    tensorSpec(rewards, [N, T]),
    tensorSpec(dones, [N, T]),
    tensorSpec(mask, [N, T]),
  ];
}

function checked(spec: CaseSpec): CaseSpec {
  const [, , , , dones, mask] = spec.args as TensorSpec[];
  const [N, T] = mask.shape;
  let valid = 0;
  for (let n = 0; n < N; n++) {
    let ended = false;
    for (let t = 0; t < T; t++) {
      if (mask.data[n * T + t]) {
        if (ended) throw new Error(`${spec.name}: a valid step after padding in row ${n}`);
        valid++;
      } else if (!ended) {
        if (t === 0 || !dones.data[n * T + t - 1]) throw new Error(`${spec.name}: padding in row ${n} does not follow a done`);
        ended = true;
      }
    }
  }
  if (valid === 0) throw new Error(`${spec.name}: no valid step`);
  return spec;
}

function hidden(rng: Rng, name: string, N: number, T: number, A: number, gamma: number, valueCoef: number, entropyCoef: number, o?: Opts): CaseSpec {
  return checked({ name, public: false, args: [...rollout(rng, N, T, A, o), gamma, valueCoef, entropyCoef] });
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    checked({
      name: 'example 1: one rollout, two steps, uniform policy',
      public: true,
      args: [
        tensorSpec([0, 0, 0, 0], [1, 2, 2]),
        tensorSpec([0, 1], [1, 2], 'int32'),
        tensorSpec([0.5, 1, 2], [1, 3]),
        tensorSpec([1, 0], [1, 2]),
        tensorSpec([0, 0], [1, 2]),
        tensorSpec([1, 1], [1, 2]),
        0.5,
        0.5,
        0.1,
      ],
    }),
    checked({
      name: 'example 2: an episode end and a padded step',
      public: true,
      args: [
        tensorSpec([1, 0, -1, 0.5, 0.5, 0, 0, 2, 0, 0, 0, 0, 1, -1, 0, 3, 0, 0], [2, 3, 3]),
        tensorSpec([0, 2, 1, 1, 0, 2], [2, 3], 'int32'),
        tensorSpec([0.2, 0.4, -0.1, 1, 0, 0.5, 0.3, 7], [2, 4]),
        tensorSpec([1, 0, 1, 0.5, 1, 9], [2, 3]),
        tensorSpec([0, 1, 0, 0, 1, 0], [2, 3]),
        tensorSpec([1, 1, 1, 1, 1, 0], [2, 3]),
        0.9,
        0.5,
        0.01,
      ],
    }),
    hidden(rng, 'hidden: 8 rollouts × 16 steps, 4 actions', 8, 16, 4, 0.99, 0.5, 0.01),
    hidden(rng, 'hidden: one rollout, one step', 1, 1, 3, 0.99, 0.5, 0.05),
    hidden(rng, 'hidden: no episode ends, no padding (bootstrap from values[:, T])', 3, 10, 3, 0.95, 0.5, 0.02, { pDone: 0, pPad: 0, valueScale: 3 }),
    hidden(rng, 'hidden: many episode ends', 4, 12, 5, 0.9, 0.25, 0.05, { pDone: 0.4, pPad: 0 }),
    hidden(rng, 'hidden: heavy padding', 6, 10, 3, 0.95, 0.5, 0.05, { pPad: 0.9 }),
    hidden(rng, 'hidden: large entropy coefficient', 3, 8, 4, 0.9, 0.5, 0.5, { pPad: 0.5 }),
    hidden(rng, 'hidden: value coefficient 1, no entropy bonus', 4, 6, 2, 0.9, 1, 0),
    hidden(rng, 'hidden: γ = 1', 3, 9, 3, 1, 0.5, 0.01, { pDone: 0.2 }),
    hidden(rng, 'hidden: peaked policies (large logits)', 4, 8, 6, 0.97, 0.5, 0.05, { logitScale: 8 }),
    hidden(rng, 'hidden: large rewards and values', 4, 20, 3, 0.99, 0.5, 0.01, { rewardScale: 20, valueScale: 50 }),
    hidden(rng, 'hidden: two actions, long rollouts', 2, 64, 2, 0.99, 0.5, 0.01, { pDone: 0.05 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(1, 6), rng.int(1, 24), rng.int(2, 6), rng.pick([0.9, 0.95, 0.99]), rng.pick([0.25, 0.5, 1]), rng.pick([0.01, 0.05, 0.1])));
  }
  return list;
}

export default defineProblem({
  id: 'rl/actor-critic-loss',
  entry: 'actorCriticLoss',
  argNames: ['logits', 'actions', 'values', 'rewards', 'dones', 'mask', 'gamma', 'valueCoef', 'entropyCoef'],
  reference: actorCriticLoss,
  // Four float32 scalars and the two gradients, shaped like logits [N, T, A] and values [N, T + 1].
  output: objectOf({
    loss: scalarTensor('float32'),
    policyLoss: scalarTensor('float32'),
    valueLoss: scalarTensor('float32'),
    entropy: scalarTensor('float32'),
    gradLogits: tensorOf('float32', (args) => shapeOf(args, 0)),
    gradValues: tensorOf('float32', (args) => shapeOf(args, 2)),
  }),
  cases,
  mistakes: [
    {
      id: 'advantage-not-detached',
      title: 'advantage not detached: the policy term trains the critic',
      explanation:
        'The advantage R_t − V(s_t) is a fixed weight for the policy gradient. Built from the differentiable values, the policy term pushes gradient into V as well (gradValues changes while the loss value does not). Compute it from the values’ numbers (a constant).',
      diagnostic: 'mismatch',
    },
    {
      id: 'target-not-detached',
      title: 'bootstrapped value target not detached (gradient into V(s_T))',
      explanation:
        'The return R_t, including its bootstrap γ^k·V(s_T), is the regression target of the critic: a constant. Differentiating through it moves values[:, T] towards the predictions (a non-zero last column of gradValues).',
      diagnostic: 'mismatch',
    },
    {
      id: 'entropy-sign',
      title: 'entropy bonus added to the loss instead of subtracted',
      explanation: 'The entropy is a bonus: loss = policyLoss + c_v·valueLoss − c_e·entropy. Adding it makes gradient descent sharpen the policy, the opposite of encouraging exploration.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-ignores-mask-count',
      title: 'masked sums divided by N·T instead of the number of valid steps',
      explanation: 'Every term is a mean over the valid steps: Σ mask·x / Σ mask. Dividing by N·T counts the padded steps in the denominator and shrinks all three terms.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mask-ignored',
      title: 'padded steps averaged in',
      explanation: 'Steps with mask 0 are padding after the last episode of a row ended; their logits, values and rewards are garbage. Multiply every per-step term by the mask and divide by its sum.',
      diagnostic: 'mismatch',
    },
    {
      id: 'returns-not-cut-at-done',
      title: 'returns not cut at episode ends',
      explanation: 'After done_t = 1 the next step starts a new episode: R_t = r_t + γ(1 − done_t)R_{t+1}. Without the cut, rewards and the bootstrap value of the next episode leak in.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bootstrap-zero',
      title: 'returns start from 0 instead of the bootstrap value V(s_T)',
      explanation: 'A rollout cut at T steps is truncated, not finished: the return of its last unfinished episode is r + … + γ^k·values[:, T]. Starting the backward recursion at 0 treats the cut as terminal.',
      diagnostic: 'mismatch',
    },
    {
      id: 'log-softmax-wrong-axis',
      title: 'log-softmax over the time axis instead of the actions',
      explanation: 'π(·|s_t) is a distribution over the A actions of one step: log-softmax over the last axis of logits [N, T, A], not over time.',
      diagnostic: 'mismatch',
    },
    {
      id: 'policy-loss-sign',
      title: 'policy loss sign flipped (+log π·A)',
      explanation: 'The policy gradient maximizes E[log π(a|s)·A]; the loss to minimize is its negative, −mean(log π·A). With the plus sign, gradient descent makes good actions less likely.',
      diagnostic: 'mismatch',
    },
  ],
});
