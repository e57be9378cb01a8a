import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { qLearning } from './reference';

interface Mdp {
  next: number[][];
  rewards: number[][];
  terminal: number[];
  start: number;
}

interface Run {
  mdp: Mdp;
  q0: number[][];
  /** [E][T][2] */
  uniforms: number[][][];
  alpha: number;
  gamma: number;
  epsilon: number;
}

const f32 = Math.fround;

/**
 * Replays the algorithm with a given rounding and update form and returns every action taken, the
 * final greedy policy and the smallest non-zero gap seen in any greedy decision. The generator
 * keeps only runs whose decisions are robust: identical in float64 and in float32 with the other
 * algebraic form of the update, and never decided by a gap below 1e-4.
 */
function replay(run: Run, round: (x: number) => number, blended: boolean) {
  const { mdp, uniforms, epsilon } = run;
  const alpha = round(run.alpha);
  const gamma = round(run.gamma);
  const A = mdp.next[0].length;
  const Q = run.q0.map((row) => row.map(round));
  const R = mdp.rewards.map((row) => row.map(round));
  let minGap = Infinity;
  let minDraw = Infinity;
  const greedy = (s: number, record: boolean) => {
    let best = 0;
    for (let a = 1; a < A; a++) if (Q[s][a] > Q[s][best]) best = a;
    if (record) for (let a = 0; a < A; a++) if (Q[s][a] !== Q[s][best]) minGap = Math.min(minGap, Math.abs(Q[s][a] - Q[s][best]));
    return best;
  };
  const actions: number[] = [];
  for (const episode of uniforms) {
    let s = mdp.start;
    for (const [u, v] of episode) {
      if (u !== epsilon) minDraw = Math.min(minDraw, Math.abs(u - epsilon));
      const scaled = v * A;
      const offInteger = Math.abs(scaled - Math.round(scaled));
      if (offInteger > 0) minDraw = Math.min(minDraw, offInteger);
      const a = u < epsilon ? Math.floor(v * A) : greedy(s, true);
      actions.push(a);
      const s2 = mdp.next[s][a];
      const boot = mdp.terminal[s2] ? 0 : round(gamma * Q[s2][greedy(s2, false)]);
      const target = round(R[s][a] + boot);
      Q[s][a] = blended ? round(round((1 - alpha) * Q[s][a]) + round(alpha * target)) : round(Q[s][a] + round(alpha * round(target - Q[s][a])));
      s = s2;
      if (mdp.terminal[s]) break;
    }
    actions.push(-1);
  }
  const policy = Q.map((_, s) => (mdp.terminal[s] ? -1 : greedy(s, true)));
  return { actions: actions.join(), policy: policy.join(), minGap, minDraw };
}

function robust(run: Run): boolean {
  const a = replay(run, (x) => x, false);
  const b = replay(run, f32, true);
  return a.actions === b.actions && a.policy === b.policy && a.minGap > 1e-4 && b.minGap > 1e-4 && a.minDraw > 1e-5;
}

function toArgs(run: Run): (TensorSpec | number)[] {
  const { mdp, q0, uniforms } = run;
  const S = mdp.next.length;
  const A = mdp.next[0].length;
  const E = uniforms.length;
  const T = uniforms[0].length;
  if (mdp.terminal[mdp.start]) throw new Error('the start state must not be terminal');
  if (mdp.next.some((row) => row.some((s2) => s2 < 0 || s2 >= S))) throw new Error('a transition leaves the state space');
  return [
    tensorSpec(mdp.next.flat(), [S, A], 'int32'),
    tensorSpec(mdp.rewards.flat(), [S, A]),
    tensorSpec(mdp.terminal, [S], 'bool'),
    tensorSpec(q0.flat(), [S, A]),
    tensorSpec(uniforms.flat(2), [E, T, 2]),
    mdp.start,
    run.alpha,
    run.gamma,
    run.epsilon,
  ];
}

/** Float32-exact uniforms in [0, 1). */
function draws(rng: Rng, E: number, T: number): number[][][] {
  return Array.from({ length: E }, () => Array.from({ length: T }, () => [f32(rng.next()), f32(rng.next())]));
}

/** A line of L states, the last one terminal; action 0 = left, 1 = right; step cost, +goal on entry. */
function chain(L: number, step = -0.1, goal = 1): Mdp {
  const next = Array.from({ length: L }, (_, s) => (s === L - 1 ? [s, s] : [Math.max(0, s - 1), s + 1]));
  const rewards = Array.from({ length: L }, (_, s) => (s === L - 1 ? [0, 0] : [step, s + 1 === L - 1 ? goal : step]));
  const terminal = Array.from({ length: L }, (_, s) => (s === L - 1 ? 1 : 0));
  return { next, rewards, terminal, start: 0 };
}

/**
 * An H × W grid as a tabular MDP, 4 actions (up, right, down, left); bumping the edge stays put.
 * cells: per cell 'free' | 'goal' | 'pit' | 'cliff' ('cliff' sends back to the start, not terminal).
 */
function grid(rng: Rng, H: number, W: number, o: { step?: number; goals?: number; pits?: number; cliff?: boolean; noise?: number } = {}): Mdp {
  const { step = -0.04, goals = 1, pits = 1, cliff = false, noise = 0 } = o;
  const n = H * W;
  const kind = new Array<string>(n).fill('free');
  const start = cliff ? (H - 1) * W : 0;
  if (cliff) {
    for (let j = 1; j < W - 1; j++) kind[(H - 1) * W + j] = 'cliff';
    kind[H * W - 1] = 'goal';
  } else {
    const cells = Array.from({ length: n - 1 }, (_, i) => i + 1);
    for (let k = 0; k < goals + pits; k++) {
      const c = cells.splice(rng.int(0, cells.length - 1), 1)[0];
      kind[c] = k < goals ? 'goal' : 'pit';
    }
  }
  const moves = [
    [-1, 0],
    [0, 1],
    [1, 0],
    [0, -1],
  ];
  const next: number[][] = [];
  const rewards: number[][] = [];
  for (let c = 0; c < n; c++) {
    const i = Math.floor(c / W);
    const j = c % W;
    const nr: number[] = [];
    const rr: number[] = [];
    for (const [di, dj] of moves) {
      const ni = i + di;
      const nj = j + dj;
      let s2 = ni < 0 || ni >= H || nj < 0 || nj >= W ? c : ni * W + nj;
      let r = step + (noise ? f32(noise * rng.gaussian()) : 0);
      if (kind[s2] === 'goal') r = 1;
      if (kind[s2] === 'pit') r = -1;
      if (kind[s2] === 'cliff') {
        r = -100;
        s2 = start;
      }
      nr.push(s2);
      rr.push(f32(r));
    }
    next.push(nr);
    rewards.push(rr);
  }
  const terminal = kind.map((k) => (k === 'goal' || k === 'pit' ? 1 : 0));
  return { next, rewards, terminal, start };
}

function randomMdp(rng: Rng, S: number, A: number, nTerminal: number, scale = 1): Mdp {
  const terminal = new Array<number>(S).fill(0);
  for (let k = 0; k < nTerminal; k++) terminal[rng.int(1, S - 1)] = 1;
  const next = Array.from({ length: S }, () => Array.from({ length: A }, () => rng.int(0, S - 1)));
  const rewards = Array.from({ length: S }, () => Array.from({ length: A }, () => f32(scale * rng.gaussian())));
  return { next, rewards, terminal, start: 0 };
}

const zeros = (S: number, A: number) => Array.from({ length: S }, () => new Array<number>(A).fill(0));

/** Draws uniforms (and whatever `make` draws) until the run's decisions are robust. */
function robustCase(rng: Rng, name: string, make: () => Omit<Run, 'uniforms'>, E: number, T: number, uniforms = draws): CaseSpec {
  for (let attempt = 0; attempt < 200; attempt++) {
    const run = { ...make(), uniforms: uniforms(rng, E, T) };
    if (robust(run)) return { name, public: false, args: toArgs(run) };
  }
  throw new Error(`${name}: no run with robust greedy decisions found`);
}

function fixedCase(name: string, run: Run, isPublic: boolean): CaseSpec {
  if (!robust(run)) throw new Error(`${name}: greedy decisions are not robust`);
  return { name, public: isPublic, args: toArgs(run) };
}

function cases(rng: Rng): CaseSpec[] {
  const example1: Run = {
    mdp: { next: [[0, 1], [0, 2], [2, 2]], rewards: [[-0.1, -0.1], [-0.1, 1], [0, 0]].map((r) => r.map(f32)), terminal: [0, 0, 1], start: 0 },
    q0: zeros(3, 2),
    uniforms: [
      [[0.7, 0.2], [0.9, 0.6], [0.4, 0.9]],
      [[0.1, 0.7], [0.5, 0.5], [0.3, 0.4]],
    ].map((e) => e.map((p) => p.map(f32))),
    alpha: 0.5,
    gamma: 0.9,
    epsilon: 0.2,
  };
  const example2: Run = {
    mdp: { next: [[1, 0, 2], [2, 0, 1], [2, 2, 2]], rewards: [[0, -1, -5], [2, 0, -1], [0, 0, 0]], terminal: [0, 0, 1], start: 0 },
    q0: [[1, 1, 1], [1, 1, 1], [4, 4, 4]],
    uniforms: [
      [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]],
      [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5], [0.5, 0.5]],
    ],
    alpha: 0.5,
    gamma: 0.5,
    epsilon: 0,
  };
  const list: CaseSpec[] = [
    fixedCase('example 1: 3-state chain, exploration and a truncated episode', example1, true),
    fixedCase('example 2: optimistic start, ε = 0, terminal row ignored', example2, true),
    robustCase(rng, 'hidden: 5 × 5 grid world, 30 episodes × 40 steps', () => ({ mdp: grid(rng, 5, 5, { pits: 2 }), q0: zeros(25, 4), alpha: 0.5, gamma: 0.95, epsilon: 0.1 }), 30, 40),
    robustCase(rng, 'hidden: random MDP, 8 states × 3 actions', () => ({ mdp: randomMdp(rng, 8, 3, 2), q0: zeros(8, 3), alpha: 0.3, gamma: 0.9, epsilon: 0.2 }), 20, 25),
    robustCase(rng, 'hidden: ε = 0 (pure greedy, ties at the start)', () => ({ mdp: chain(6), q0: zeros(6, 2), alpha: 0.5, gamma: 0.9, epsilon: 0 }), 6, 30),
    robustCase(rng, 'hidden: ε = 1 (every action random)', () => ({ mdp: randomMdp(rng, 6, 4, 1), q0: zeros(6, 4), alpha: 0.25, gamma: 0.8, epsilon: 1 }), 10, 15),
    robustCase(
      rng,
      'hidden: optimistic Q0 with non-zero terminal rows (terminal targets must not bootstrap)',
      () => {
        const mdp = randomMdp(rng, 7, 3, 2);
        const q0 = mdp.terminal.map((t) => [0, 1, 2].map(() => (t ? 5 + f32(rng.next()) : 2)));
        return { mdp, q0, alpha: 0.5, gamma: 0.9, epsilon: 0.15 };
      },
      15,
      20,
    ),
    robustCase(rng, 'hidden: no terminal states (every episode cut at T)', () => ({ mdp: randomMdp(rng, 5, 3, 0), q0: zeros(5, 3), alpha: 0.4, gamma: 0.9, epsilon: 0.3 }), 5, 12),
    robustCase(rng, 'hidden: chain longer than T (cut-offs must bootstrap)', () => ({ mdp: chain(10, 0.05, 2), q0: zeros(10, 2), alpha: 0.5, gamma: 0.95, epsilon: 0.5 }), 12, 6),
    robustCase(
      rng,
      'hidden: half the explore draws exactly equal ε = 0.5 (u = ε does not explore)',
      () => ({ mdp: randomMdp(rng, 6, 3, 1), q0: zeros(6, 3), alpha: 0.5, gamma: 0.9, epsilon: 0.5 }),
      10,
      12,
      (r, E, T) => {
        const u = draws(r, E, T);
        let exact = 0;
        for (const episode of u) for (const step of episode) if (r.next() < 0.5) (step[0] = 0.5), exact++;
        if (exact === 0) throw new Error('no draw equals ε');
        return u;
      },
    ),
    robustCase(rng, 'hidden: α = 1, γ = 0', () => ({ mdp: randomMdp(rng, 6, 3, 1), q0: zeros(6, 3), alpha: 1, gamma: 0, epsilon: 0.25 }), 8, 10),
    robustCase(rng, 'hidden: one episode of one step', () => ({ mdp: randomMdp(rng, 4, 2, 1), q0: zeros(4, 2), alpha: 0.5, gamma: 0.9, epsilon: 0.5 }), 1, 1),
    robustCase(rng, 'hidden: cliff walking 4 × 6 (−100, back to start)', () => ({ mdp: grid(rng, 4, 6, { cliff: true, step: -1 }), q0: zeros(24, 4), alpha: 0.5, gamma: 1, epsilon: 0.1 }), 25, 30),
    robustCase(
      rng,
      'hidden: start next to a terminal (length-1 episodes)',
      () => {
        const mdp = randomMdp(rng, 5, 3, 0);
        mdp.terminal[4] = 1;
        mdp.next[0][rng.int(0, 2)] = 4;
        return { mdp, q0: zeros(5, 3), alpha: 0.5, gamma: 0.9, epsilon: 0.3 };
      },
      10,
      8,
    ),
    robustCase(
      rng,
      'hidden: random Q0, 5 actions',
      () => {
        const mdp = randomMdp(rng, 9, 5, 2, 2);
        return { mdp, q0: mdp.next.map((row) => row.map(() => f32(rng.gaussian()))), alpha: 0.2, gamma: 0.95, epsilon: 0.4 };
      },
      20,
      20,
    ),
    robustCase(rng, 'hidden: large rewards', () => ({ mdp: randomMdp(rng, 8, 4, 2, 100), q0: zeros(8, 4), alpha: 0.5, gamma: 0.99, epsilon: 0.2 }), 15, 25),
  ];
  for (let i = 0; i < 3; i++) {
    const S = rng.int(3, 12);
    const A = rng.int(2, 5);
    const alpha = rng.pick([0.1, 0.3, 0.5]);
    const gamma = rng.pick([0.9, 0.95, 0.99]);
    const epsilon = rng.pick([0.05, 0.1, 0.3]);
    const nTerminal = rng.int(0, 2);
    list.push(robustCase(rng, `hidden: random ${i + 1}`, () => ({ mdp: randomMdp(rng, S, A, nTerminal), q0: zeros(S, A), alpha, gamma, epsilon }), rng.int(1, 20), rng.int(1, 30)));
  }
  return list;
}

export default defineProblem({
  id: 'rl/q-learning',
  entry: 'qLearning',
  argNames: ['transitions', 'rewards', 'terminal', 'q0', 'uniforms', 'start', 'alpha', 'gamma', 'epsilon'],
  reference: qLearning,
  // { q: [S, A] float32, policy: [S] int32, lengths: [E] int32 }.
  output: objectOf({
    q: tensorOf('float32', (args) => shapeOf(args, 0)),
    policy: tensorOf('int32', (args) => [shapeOf(args, 0)[0]]),
    lengths: tensorOf('int32', (args) => [shapeOf(args, 4)[0]]),
  }),
  cases,
  mistakes: [
    {
      id: 'bootstrap-through-terminal',
      title: 'bootstraps from Q(s′) when s′ is terminal',
      explanation:
        'Entering a terminal state ends the episode: the target is just r. The terminal rows of Q keep whatever they started with (here non-zero), so γ·max Q(s′) must be dropped whenever s′ is terminal.',
      diagnostic: 'mismatch',
    },
    {
      id: 'truncation-as-terminal',
      title: 'the step-limit cut-off treated as a terminal state',
      explanation:
        'An episode stopped because it used its T steps did not end in a terminal state: its last update still bootstraps, r + γ·max Q(s′). Only a terminal s′ drops the bootstrap (time-limit truncation is not termination).',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-break-last',
      title: 'greedy ties broken towards the highest action index',
      explanation:
        'Among actions with exactly equal Q the greedy choice is the lowest index: replace the running best only when a later action is strictly greater (with Q0 = 0 every state starts as a tie).',
      diagnostic: 'mismatch',
    },
    {
      id: 'explore-inverted',
      title: 'explores when u ≥ ε (probability 1 − ε)',
      explanation: 'ε is the probability of exploring: take the random action when uniforms[e, t, 0] < ε, the greedy action otherwise.',
      diagnostic: 'mismatch',
    },
    {
      id: 'random-action-off-by-one',
      title: 'random action floor(v·(A − 1)) never picks the last action',
      explanation: 'Exploration picks uniformly among all A actions: a = floor(v·A) for v in [0, 1). Scaling by A − 1 never reaches action A − 1 and shifts the others.',
      diagnostic: 'mismatch',
    },
    {
      id: 'terminal-policy-greedy',
      title: 'terminal states given a greedy action instead of −1',
      explanation: 'No action is ever taken in a terminal state, so the returned policy marks them −1. Check the terminal flag before taking the argmax.',
      diagnostic: 'mismatch',
    },
    {
      id: 'no-learning-rate',
      title: 'Q overwritten with the target (α ignored)',
      explanation:
        'Q-learning moves Q(s, a) a step α towards the target: Q ← Q + α(target − Q). Assigning the target outright is α = 1 and forgets everything the entry had learned.',
      diagnostic: 'mismatch',
    },
    {
      id: 'state-advanced-before-update',
      title: 'state advanced to s′ before the update (row s′ updated)',
      explanation:
        'Compute the target and update Q[s, a] while s is still the state the action was taken in, then move on with s ← s′. Advancing first writes the TD update into the next state’s row.',
      diagnostic: 'mismatch',
    },
  ],
});
