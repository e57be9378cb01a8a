import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { valueIteration } from './reference';

interface GridOpts {
  pWall?: number;
  nTerminals?: number;
  /** 'step': a constant step reward everywhere plus ±terminal rewards; 'random': N(0, 1) per cell. */
  kind?: 'step' | 'random';
  step?: number;
  scale?: number;
}

/** A random grid: walls, terminals (never on walls) and rewards. Rewards on wall cells are random noise: they must be ignored. */
function grid(rng: Rng, H: number, W: number, o: GridOpts = {}): TensorSpec[] {
  const { pWall = 0.15, nTerminals = 2, kind = 'random', step = -0.04, scale = 1 } = o;
  const n = H * W;
  const walls = Array.from({ length: n }, () => (rng.next() < pWall ? 1 : 0));
  const terminals = new Array<number>(n).fill(0);
  const rewards = Array.from({ length: n }, () => (kind === 'step' ? step : scale * rng.gaussian()));
  for (let k = 0; k < nTerminals; k++) {
    const c = rng.int(0, n - 1);
    walls[c] = 0;
    terminals[c] = 1;
    rewards[c] = kind === 'step' ? (k === 0 ? 1 : -1) * scale : scale * (3 * rng.gaussian());
  }
  for (let c = 0; c < n; c++) if (walls[c]) rewards[c] = 5 * rng.gaussian();
  return [tensorSpec(rewards, [H, W]), tensorSpec(walls, [H, W], 'bool'), tensorSpec(terminals, [H, W], 'bool')];
}

function hidden(rng: Rng, name: string, H: number, W: number, gamma: number, sweeps: number, o?: GridOpts): CaseSpec {
  return { name, public: false, args: [...grid(rng, H, W, o), gamma, sweeps] };
}

const b = (values: number[], shape: number[]) => tensorSpec(values, shape, 'bool');

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: 2 × 3, goal in the corner, 10 sweeps',
      public: true,
      args: [tensorSpec([-0.1, -0.1, 1, -0.1, -0.1, -0.1], [2, 3]), b([0, 0, 0, 0, 0, 0], [2, 3]), b([0, 0, 1, 0, 0, 0], [2, 3]), 0.9, 10],
    },
    {
      name: 'example 2: 3 × 4 with a wall, a goal and a pit, 2 sweeps',
      public: true,
      args: [
        tensorSpec([0, 0, 0, 1, 0, 7, 0, -1, 0, 0, 0, 0], [3, 4]),
        b([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0], [3, 4]),
        b([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0], [3, 4]),
        0.9,
        2,
      ],
    },
    hidden(rng, 'hidden: 5 × 5, step cost, converged (100 sweeps)', 5, 5, 0.9, 100, { kind: 'step' }),
    hidden(rng, 'hidden: 6 × 7 random rewards, 3 sweeps', 6, 7, 0.95, 3, { nTerminals: 3 }),
    hidden(rng, 'hidden: zero sweeps (greedy on immediate rewards)', 4, 4, 0.9, 0),
    hidden(rng, 'hidden: a single sweep', 4, 5, 0.9, 1, { pWall: 0.25 }),
    hidden(rng, 'hidden: 1 × 8 corridor', 1, 8, 0.9, 6, { pWall: 0, nTerminals: 1, kind: 'step', step: -0.5 }),
    hidden(rng, 'hidden: 8 × 1 column, no terminals', 8, 1, 0.8, 12, { pWall: 0, nTerminals: 0 }),
    hidden(rng, 'hidden: γ = 0', 5, 4, 0, 5),
    hidden(rng, 'hidden: γ = 0.99, many sweeps, many walls', 7, 7, 0.99, 60, { pWall: 0.3, kind: 'step', step: -0.02 }),
    {
      name: 'hidden: a cell boxed in by walls (every action bumps: ties)',
      public: false,
      args: [
        tensorSpec([0.5, 3, 0.2, 4, 0.25, -2, 0.1, 1, 2], [3, 3]),
        b([0, 1, 0, 1, 0, 1, 0, 1, 0], [3, 3]),
        b([0, 0, 0, 0, 0, 0, 0, 0, 1], [3, 3]),
        0.5,
        4,
      ],
    },
    hidden(rng, 'hidden: large rewards, 10 × 10', 10, 10, 0.9, 25, { scale: 100, nTerminals: 4 }),
  ];
  for (let i = 0; i < 3; i++) {
    list.push(hidden(rng, `hidden: random ${i + 1}`, rng.int(2, 8), rng.int(2, 8), rng.pick([0.5, 0.9, 0.95]), rng.int(1, 30), { nTerminals: rng.int(0, 3), kind: rng.pick(['step', 'random'] as const) }));
  }
  return list;
}

export default defineProblem({
  id: 'rl/value-iteration',
  entry: 'valueIteration',
  argNames: ['rewards', 'walls', 'terminals', 'gamma', 'sweeps'],
  reference: valueIteration,
  // { values: [H, W] float32, policy: [H, W] int32 }.
  output: objectOf({
    values: tensorOf('float32', (args) => shapeOf(args, 0)),
    policy: tensorOf('int32', (args) => shapeOf(args, 0)),
  }),
  cases,
  mistakes: [
    {
      id: 'terminals-updated',
      title: 'terminal cells updated like ordinary states',
      explanation:
        'The episode ends on entering a terminal: its reward is collected on the way in and V(terminal) stays 0 forever. Backing it up lets the agent keep collecting the goal reward.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gauss-seidel',
      title: 'in-place (Gauss–Seidel) updates instead of synchronous sweeps',
      explanation:
        'Each sweep must compute V_{k+1} entirely from V_k: write into a fresh array and swap at the end. Updating in place lets cells later in the sweep see new values, which changes V after a fixed number of sweeps.',
      diagnostic: 'mismatch',
    },
    {
      id: 'walls-not-blocking',
      title: 'walls do not block movement',
      explanation: 'A move into a wall (like a move off the grid) leaves the agent where it is, and it receives the reward of its own cell. Check the wall mask when computing s′.',
      diagnostic: 'mismatch',
    },
    {
      id: 'reward-of-current-cell',
      title: 'reward of the current cell R(s) instead of the cell entered R(s′)',
      explanation: 'Here the reward belongs to the cell you step into: Q(s, a) = R(s′) + γ·V(s′), where s′ is where action a leads. Using R(s) makes every action from s earn the same reward.',
      diagnostic: 'mismatch',
    },
    {
      id: 'bump-no-reward',
      title: 'a blocked move earns 0 instead of the reward of the cell the agent stays in',
      explanation: 'Bumping into a wall or the edge leaves the agent in s, and "the reward of the cell entered" is then R(s): Q = R(s) + γ·V(s). Compute s′ first (s itself when blocked) and always use R(s′).',
      diagnostic: 'mismatch',
    },
    {
      id: 'bump-collects-wall-reward',
      title: 'a move into a wall collects the reward stored on the wall cell',
      explanation:
        'Rewards stored on wall cells are meaningless: a move into a wall is blocked, so s′ = s and the step earns R(s), the reward of the cell the agent stays in, plus γ·V(s). Decide s′ first (s itself when blocked), then read both the reward and the value at s′.',
      diagnostic: 'mismatch',
    },
    {
      id: 'gamma-on-reward',
      title: 'γ applied to the immediate reward',
      explanation: 'Q(s, a) = R(s′) + γ·V(s′): the reward of the step is received now, only the future value is discounted.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-break-last',
      title: 'policy ties broken towards the highest action index',
      explanation: 'Among actions with equal Q the statement asks for the lowest index: replace the running best only when a later action is strictly greater (tf.argMax also returns the first maximum).',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-extra-sweep',
      title: 'sweeps + 1 Bellman sweeps run (loop bound k <= sweeps)',
      explanation:
        'Run exactly `sweeps` synchronous sweeps starting from V = 0 (k < sweeps). An inclusive bound performs one more backup, so the values have looked one step further ahead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'one-sweep-short',
      title: 'only sweeps − 1 Bellman sweeps run',
      explanation:
        'Starting from V = 0, each sweep is one Bellman backup and `sweeps` of them are asked for. Stopping one early returns values that look one step less ahead.',
      diagnostic: 'mismatch',
    },
    {
      id: 'up-down-swapped',
      title: 'up and down swapped (action 0 moves to row + 1)',
      explanation:
        'Rows grow downwards: action 0 (up) goes to row − 1 and action 2 (down) to row + 1. Swapping them leaves the values unchanged but reports the wrong greedy action.',
      diagnostic: 'mismatch',
    },
    {
      id: 'inactive-policy-zero',
      title: 'walls and terminals given action 0 instead of −1',
      explanation:
        'Cells where no action is taken (walls and terminals) must report policy −1. Leaving the default 0 makes them look like states whose best action is up.',
      diagnostic: 'mismatch',
    },
    {
      id: 'values-start-at-rewards',
      title: 'values initialized to the rewards instead of 0',
      explanation:
        'Value iteration starts from V = 0 everywhere; after k sweeps V is the best k-step return. Starting from V = R counts the rewards one extra time, discounted, at the end of every path.',
      diagnostic: 'mismatch',
    },
    {
      id: 'policy-from-previous-values',
      title: 'policy taken from the argmax of the last sweep (values one sweep old)',
      explanation:
        'The greedy policy is the argmax of Q computed with the final values V_K. Recording the argmax during the last sweep uses V_{K−1}, the values before that sweep.',
      diagnostic: 'mismatch',
    },
    {
      id: 'discount-missing',
      title: 'next value not discounted: Q = R(s′) + V(s′)',
      explanation:
        'The Bellman backup discounts the future: Q(s, a) = R(s′) + γ·V(s′). Without γ, values keep growing with every sweep instead of converging.',
      diagnostic: 'mismatch',
    },
    {
      id: 'average-over-actions',
      title: 'values averaged over the actions instead of maximized',
      explanation:
        'Value iteration backs up the best action: V(s) = max_a Q(s, a). Averaging over the four actions evaluates a uniformly random policy instead.',
      diagnostic: 'mismatch',
    },
  ],
});
