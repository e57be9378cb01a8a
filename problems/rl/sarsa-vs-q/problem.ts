import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { tdControlTargets } from './reference';

interface Opts {
  pDone?: number;
  qScale?: number;
  /** Probability that the logged next action is the greedy one (as an ε-greedy behaviour would). */
  pGreedy?: number;
  /** Round Q to multiples of this (creates ties); 0 = no rounding. */
  grid?: number;
}

function batch(rng: Rng, S: number, A: number, B: number, o: Opts = {}): TensorSpec[] {
  const { pDone = 0.15, qScale = 1, pGreedy = 0.6, grid = 0 } = o;
  const q = Array.from({ length: S * A }, () => {
    const x = qScale * rng.gaussian();
    return grid ? Math.round(x / grid) * grid : x;
  });
  const nextStates = Array.from({ length: B }, () => rng.int(0, S - 1));
  const nextActions = nextStates.map((s) => {
    if (rng.next() >= pGreedy) return rng.int(0, A - 1);
    const row = q.slice(s * A, s * A + A);
    return row.indexOf(Math.max(...row));
  });
  return [
    tensorSpec(q, [S, A]),
    rng.normal([B]),
    tensorSpec(nextStates, [B], 'int32'),
    tensorSpec(nextActions, [B], 'int32'),
    tensorSpec(Array.from({ length: B }, () => (rng.next() < pDone ? 1 : 0)), [B]),
  ];
}

function hidden(rng: Rng, name: string, S: number, A: number, B: number, gamma: number, epsilon: number, o?: Opts): CaseSpec {
  return { name, public: false, args: [...batch(rng, S, A, B, o), gamma, epsilon] };
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: two actions, one terminal transition',
      public: true,
      args: [
        tensorSpec([1, 2, 0.5, -1, 3, 3], [3, 2]),
        tensorSpec([1, 0, 2], [3]),
        tensorSpec([1, 0, 2], [3], 'int32'),
        tensorSpec([1, 0, 0], [3], 'int32'),
        tensorSpec([0, 0, 1], [3]),
        0.9,
        0.2,
      ],
    },
    {
      name: 'example 2: three actions, ties and all-zero rows',
      public: true,
      args: [
        tensorSpec([0, 0, 0, 1, 4, -2, 2, 2, 1, -1, -3, -2], [4, 3]),
        tensorSpec([0.5, -1, 1, 0], [4]),
        tensorSpec([0, 1, 2, 3], [4], 'int32'),
        tensorSpec([2, 1, 0, 0], [4], 'int32'),
        tensorSpec([0, 0, 0, 0], [4]),
        0.5,
        0.3,
      ],
    },
    hidden(rng, 'hidden: 20 states × 4 actions, batch 128', 20, 4, 128, 0.99, 0.1),
    hidden(rng, 'hidden: ε = 0 (expected SARSA = Q-learning)', 10, 3, 32, 0.9, 0),
    hidden(rng, 'hidden: ε = 1 (uniform policy)', 10, 5, 32, 0.9, 1),
    hidden(rng, 'hidden: logged next actions all greedy (SARSA = Q-learning)', 8, 4, 24, 0.95, 0.2, { pGreedy: 1 }),
    hidden(rng, 'hidden: logged next actions never chosen greedily', 8, 4, 24, 0.95, 0.2, { pGreedy: 0 }),
    hidden(rng, 'hidden: every transition terminal (targets = rewards)', 6, 3, 16, 0.99, 0.1, { pDone: 1 }),
    hidden(rng, 'hidden: a single transition', 3, 2, 1, 0.9, 0.3, { pDone: 0 }),
    hidden(rng, 'hidden: many tied Q values', 6, 4, 40, 0.9, 0.25, { grid: 1 }),
    hidden(rng, 'hidden: γ = 0', 6, 3, 16, 0, 0.1),
    hidden(rng, 'hidden: large Q values, 8 actions', 30, 8, 64, 0.99, 0.05, { qScale: 100 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(2, 40), rng.int(2, 6), rng.int(1, 100), rng.pick([0.9, 0.95, 0.99]), rng.pick([0.05, 0.1, 0.3, 0.5])));
  }
  return list;
}

export default defineProblem({
  id: 'rl/sarsa-vs-q',
  entry: 'tdControlTargets',
  argNames: ['q', 'rewards', 'nextStates', 'nextActions', 'dones', 'gamma', 'epsilon'],
  reference: tdControlTargets,
  // Three [B] float32 target vectors (rewards' shape).
  output: objectOf({
    sarsa: tensorOf('float32', (args) => shapeOf(args, 1)),
    expectedSarsa: tensorOf('float32', (args) => shapeOf(args, 1)),
    qLearning: tensorOf('float32', (args) => shapeOf(args, 1)),
  }),
  cases,
  mistakes: [
    {
      id: 'sarsa-uses-max',
      title: 'SARSA target bootstraps from the greedy action',
      explanation: 'SARSA is on-policy: its target uses the action actually taken next, r + γ·Q(s′, a′). Taking max_a Q(s′, a) turns it into Q-learning.',
      diagnostic: 'mismatch',
    },
    {
      id: 'q-learning-uses-next-action',
      title: 'Q-learning target uses the logged next action',
      explanation: 'Q-learning is off-policy: it bootstraps from the greedy value max_a Q(s′, a), whatever action the behaviour policy took next.',
      diagnostic: 'mismatch',
    },
    {
      id: 'expected-greedy-share-missing',
      title: 'expected SARSA: greedy action gets 1 − ε instead of 1 − ε + ε/A',
      explanation: 'ε-greedy picks a uniformly random action with probability ε — which can be the greedy one too. So π(greedy) = 1 − ε + ε/A and every other action ε/A; the probabilities must sum to 1.',
      diagnostic: 'mismatch',
    },
    {
      id: 'expected-uniform',
      title: 'expected SARSA under a uniform policy',
      explanation: 'The expectation is over the ε-greedy policy, not over actions uniformly: weight the greedy action by 1 − ε + ε/A and the others by ε/A.',
      diagnostic: 'mismatch',
    },
    {
      id: 'expected-epsilon-swapped',
      title: 'expected SARSA with ε and 1 − ε swapped',
      explanation: 'ε is the exploration probability: the random part has total mass ε (ε/A per action) and the greedy action gets the remaining 1 − ε on top.',
      diagnostic: 'mismatch',
    },
    {
      id: 'dones-ignored',
      title: 'bootstraps through terminal transitions',
      explanation: 'A terminal transition has no next state: all three targets are just r when done = 1. Multiply the bootstrap by γ(1 − done).',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-missing',
      title: 'bootstrap not discounted',
      explanation: 'All three targets discount the next-state value: r + γ(1 − done)·(bootstrap).',
      diagnostic: 'mismatch',
    },
  ],
});
