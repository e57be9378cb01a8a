import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { objectOf, shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { mctsPuct } from './reference';

interface Tree {
  /** [M][A] child node, −1 = illegal. */
  children: number[][];
  priors: number[][];
  values: number[];
}

interface Run {
  tree: Tree;
  sims: number;
  c: number;
  tau: number;
  twoPlayer: boolean;
}

const f32 = Math.fround;

/**
 * Replays the search with a given rounding and Q form (W/N or a running mean) and returns the
 * selected actions, the root visits, and whether every decision was robust: an exact tie only
 * between unvisited actions with equal priors, otherwise a gap far above float32 error.
 */
function replay(run: Run, round: (x: number) => number, runningMean: boolean) {
  const { tree, sims, twoPlayer } = run;
  const c = round(run.c);
  const M = tree.children.length;
  const A = tree.children[0].length;
  const ch = tree.children;
  const P = tree.priors.map((row) => row.map(round));
  const V = tree.values.map(round);
  const N = Array.from({ length: M }, () => new Array<number>(A).fill(0));
  const Q = Array.from({ length: M }, () => new Array<number>(A).fill(0));
  const W = Array.from({ length: M }, () => new Array<number>(A).fill(0));
  const expanded = new Array<boolean>(M).fill(false);
  expanded[0] = true;
  let robust = true;
  const actions: number[] = [];
  for (let sim = 0; sim < sims; sim++) {
    const path: [number, number][] = [];
    let s = 0;
    while (expanded[s]) {
      const total = N[s].reduce((x, y) => x + y, 0);
      const root = round(Math.sqrt(total));
      const scores = N[s].map((n, a) => {
        const q = runningMean ? Q[s][a] : n > 0 ? round(W[s][a] / n) : 0;
        return round(q + round(round(round(c * P[s][a]) * root) / (1 + n)));
      });
      let best = -1;
      for (let a = 0; a < A; a++) if (ch[s][a] >= 0 && (best < 0 || scores[a] > scores[best])) best = a;
      if (best < 0) break;
      for (let a = 0; a < A; a++) {
        if (a === best || ch[s][a] < 0) continue;
        const gap = Math.abs(scores[a] - scores[best]);
        const structural = N[s][a] === 0 && N[s][best] === 0 && (total === 0 || P[s][a] === P[s][best]);
        if (gap === 0 ? !structural : gap < 1e-4 * Math.max(1, Math.abs(scores[best]))) robust = false;
      }
      path.push([s, best]);
      actions.push(best);
      s = ch[s][best];
    }
    actions.push(-1);
    expanded[s] = true;
    let v = V[s];
    for (let i = path.length - 1; i >= 0; i--) {
      if (twoPlayer) v = -v;
      const [ps, pa] = path[i];
      N[ps][pa] += 1;
      W[ps][pa] = round(W[ps][pa] + v);
      Q[ps][pa] = round(Q[ps][pa] + round(round(v - Q[ps][pa]) / N[ps][pa]));
    }
  }
  return { actions: actions.join(), rootVisits: N[0], robust };
}

function isRobust(run: Run): boolean {
  const a = replay(run, (x) => x, false);
  const b = replay(run, f32, true);
  return a.robust && b.robust && a.actions === b.actions;
}

function toArgs(run: Run) {
  const { tree } = run;
  const M = tree.children.length;
  const A = tree.children[0].length;
  if (!tree.children[0].some((c) => c >= 0)) throw new Error('the root must have a legal action');
  const seen = new Set<number>();
  for (const row of tree.children)
    for (const c of row) {
      if (c < 0) continue;
      if (c === 0 || c >= M || seen.has(c)) throw new Error('children must form a tree rooted at 0');
      seen.add(c);
    }
  return [
    tensorSpec(tree.children.flat(), [M, A], 'int32'),
    tensorSpec(tree.priors.flat(), [M, A]),
    tensorSpec(tree.values, [M]),
    run.sims,
    run.c,
    run.tau,
    run.twoPlayer,
  ];
}

interface TreeOptions {
  A: number;
  maxNodes: number;
  /** Probability that an action of a non-terminal node is legal. */
  legal?: number;
  /** Probability that a non-root node is terminal (no legal actions). */
  terminal?: number;
  valueScale?: number;
  /** Equal priors over the legal actions. */
  uniformPriors?: boolean;
  /** Non-zero priors on illegal actions (they must be ignored). */
  illegalPriors?: boolean;
  rootActions?: number;
}

/** A random tree, breadth first, with float32 priors (softmax over legal actions) and values. */
function randomTree(rng: Rng, o: TreeOptions): Tree {
  const { A, maxNodes, legal = 0.7, terminal = 0.1, valueScale = 1, uniformPriors = false, illegalPriors = false } = o;
  const children: number[][] = [];
  const priors: number[][] = [];
  const values: number[] = [];
  let count = 1;
  for (let s = 0; s < count; s++) {
    const row = new Array<number>(A).fill(-1);
    const isTerminal = s > 0 && rng.next() < terminal;
    if (!isTerminal) {
      let legalActions = Array.from({ length: A }, (_, a) => a).filter(() => rng.next() < legal);
      if (s === 0) {
        const k = o.rootActions ?? Math.max(1, legalActions.length);
        legalActions = Array.from({ length: A }, (_, a) => a);
        while (legalActions.length > k) legalActions.splice(rng.int(0, legalActions.length - 1), 1);
      }
      for (const a of legalActions) if (count < maxNodes) row[a] = count++;
    }
    const logits = row.map(() => rng.gaussian());
    const z = row.reduce((acc, c, a) => acc + (c >= 0 ? Math.exp(logits[a]) : 0), 0);
    const nLegal = row.filter((c) => c >= 0).length;
    priors.push(
      row.map((c, a) => {
        if (c < 0) return illegalPriors ? f32(0.05 + 0.5 * rng.next()) : 0;
        return f32(uniformPriors ? 1 / nLegal : Math.exp(logits[a]) / z);
      }),
    );
    children.push(row);
    values.push(f32(valueScale * (2 * rng.next() - 1)));
  }
  values[0] = 0;
  return { children, priors, values };
}

function robustCase(rng: Rng, name: string, make: () => Run, check?: (run: Run) => boolean): CaseSpec {
  for (let attempt = 0; attempt < 500; attempt++) {
    const run = make();
    if (isRobust(run) && (!check || check(run))) return { name, public: false, args: toArgs(run) };
  }
  throw new Error(`no robust run found for "${name}"`);
}

function cases(rng: Rng): CaseSpec[] {
  const example1: Run = {
    tree: {
      children: [[1, 2, 3], [4, 5, -1], [6, -1, 7], [-1, -1, -1], [-1, -1, -1], [-1, -1, -1], [-1, -1, -1], [-1, -1, -1]],
      priors: [[0.5, 0.3, 0.2], [0.6, 0.4, 0], [0.5, 0, 0.5], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
      values: [0, 0.2, -0.4, -1, 0.5, -0.3, 0.1, 0.6],
    },
    sims: 6,
    c: 1.5,
    tau: 1,
    twoPlayer: true,
  };
  const example2: Run = {
    tree: {
      children: [[1, -1, 2], [3, 4, -1], [-1, -1, -1], [-1, -1, -1], [-1, -1, -1]],
      priors: [[0.25, 0.4, 0.35], [0.2, 0.8, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]],
      values: [0, 0.1, 0.2, 0.4, -0.6],
    },
    sims: 7,
    c: 2,
    tau: 0.5,
    twoPlayer: false,
  };
  for (const ex of [example1, example2]) if (!isRobust(ex)) throw new Error('example is not robust');
  const rootTie = (run: Run) => {
    const n = replay(run, (x) => x, false).rootVisits;
    const top = Math.max(...n);
    return n.filter((x) => x === top).length >= 2;
  };
  const list: CaseSpec[] = [
    { name: 'example 1: two-player, a terminal win found and revisited', public: true, args: toArgs(example1) },
    { name: 'example 2: single-player, an illegal root action with a prior, τ = 0.5', public: true, args: toArgs(example2) },
    robustCase(rng, 'hidden: two-player random tree, 3 actions, 40 simulations', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 60 }), sims: 40, c: 1.5, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: single-player random tree, 4 actions, 40 simulations', () => ({ tree: randomTree(rng, { A: 4, maxNodes: 60 }), sims: 40, c: 1.25, tau: 1, twoPlayer: false })),
    robustCase(
      rng,
      'hidden: τ = 0 with tied root visit counts (lowest index wins)',
      () => ({ tree: randomTree(rng, { A: 3, maxNodes: 30, rootActions: 3 }), sims: rng.int(6, 20), c: 2, tau: 0, twoPlayer: rng.next() < 0.5 }),
      rootTie,
    ),
    robustCase(rng, 'hidden: τ = 0, two-player', () => ({ tree: randomTree(rng, { A: 4, maxNodes: 50 }), sims: 30, c: 1, tau: 0, twoPlayer: true }), (run) => !rootTie(run)),
    robustCase(
      rng,
      'hidden: τ = 0, root action 0 the unique most visited',
      () => ({ tree: randomTree(rng, { A: 3, maxNodes: 40, rootActions: 3 }), sims: 20, c: 1, tau: 0, twoPlayer: false }),
      (run) => {
        const n = replay(run, (x) => x, false).rootVisits;
        return n[0] > Math.max(...n.slice(1));
      },
    ),
    robustCase(rng, 'hidden: τ = 2 (flatter policy)', () => ({ tree: randomTree(rng, { A: 4, maxNodes: 50, rootActions: 4 }), sims: 25, c: 1.5, tau: 2, twoPlayer: true })),
    robustCase(rng, 'hidden: τ = 0.25 (sharper policy)', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 50, rootActions: 3 }), sims: 25, c: 3, tau: 0.25, twoPlayer: false })),
    robustCase(rng, 'hidden: a single simulation', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 10 }), sims: 1, c: 1, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: root with one legal action', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 30, rootActions: 1 }), sims: 12, c: 1, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: illegal actions with non-zero priors', () => ({ tree: randomTree(rng, { A: 4, maxNodes: 50, legal: 0.5, illegalPriors: true }), sims: 30, c: 1.5, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: many terminal nodes, revisited', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 40, terminal: 0.5, rootActions: 3 }), sims: 40, c: 1, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: equal priors (ties among unvisited actions)', () => ({ tree: randomTree(rng, { A: 4, maxNodes: 60, uniformPriors: true }), sims: 40, c: 1.5, tau: 1, twoPlayer: false })),
    robustCase(rng, 'hidden: c = 0 (pure Q, unvisited Q = 0)', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 40, rootActions: 3 }), sims: 20, c: 0, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: large values (|v| up to 50), c = 40', () => ({ tree: randomTree(rng, { A: 3, maxNodes: 60, valueScale: 50 }), sims: 40, c: 40, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: deep binary tree, 150 simulations', () => ({ tree: randomTree(rng, { A: 2, maxNodes: 200, legal: 0.9, terminal: 0.05 }), sims: 150, c: 1.5, tau: 1, twoPlayer: true })),
    robustCase(rng, 'hidden: wide tree, 6 actions, 200 simulations', () => ({ tree: randomTree(rng, { A: 6, maxNodes: 250 }), sims: 200, c: 2.5, tau: 1, twoPlayer: false })),
  ];
  return list;
}

export default defineProblem({
  id: 'rl/mcts-puct',
  entry: 'mctsPuct',
  argNames: ['children', 'priors', 'values', 'numSimulations', 'cPuct', 'temperature', 'twoPlayer'],
  reference: mctsPuct,
  // { visits: [M, A] int32, q: [M, A] float32, policy: [A] float32 }.
  output: objectOf({
    visits: tensorOf('int32', (args) => shapeOf(args, 0)),
    q: tensorOf('float32', (args) => shapeOf(args, 0)),
    policy: tensorOf('float32', (args) => [shapeOf(args, 0)[1]]),
  }),
  cases,
  mistakes: [
    {
      id: 'no-sign-flip',
      title: 'two-player values backed up without flipping the sign',
      explanation:
        'In a two-player game each node’s value is from the point of view of the player to move there, and the players alternate: the edge into the leaf gets −v, the edge above it +v, and so on. Backing up v unchanged makes each player pick the moves that help the opponent.',
      diagnostic: 'mismatch',
    },
    {
      id: 'flip-parity',
      title: 'sign flipped after the update instead of before (off by one ply)',
      explanation:
        'The edge (parent, a) is scored from the parent’s side, the opponent of the player to move at the child: negate v before adding it to the edge into the leaf, then keep alternating upwards. Flipping after the update credits every edge with the wrong player’s value.',
      diagnostic: 'mismatch',
    },
    {
      id: 'flip-in-single-player',
      title: 'negamax sign flip applied in a single-player search',
      explanation: 'With twoPlayer = false every value is from the same (only) player: back up v unchanged along the whole path. Flip the sign only when twoPlayer is true.',
      diagnostic: 'mismatch',
    },
    {
      id: 'tie-break-last',
      title: 'ties in Q + U broken towards the highest action index',
      explanation:
        'Exact ties (every fresh node, where N(s) = 0 makes all scores 0) go to the lowest legal action index: replace the running best only when a score is strictly greater.',
      diagnostic: 'mismatch',
    },
    {
      id: 'u-no-plus-one',
      title: 'exploration bonus divided by N(s, a) instead of 1 + N(s, a)',
      explanation:
        'PUCT’s bonus is c·P(s, a)·√N(s) / (1 + N(s, a)). Without the +1 an unvisited action gets an infinite (or 0/0) bonus, so the search visits every child once in index order instead of following the priors.',
      diagnostic: 'mismatch',
    },
    {
      id: 'temperature-inverted',
      title: 'policy N^τ instead of N^(1/τ)',
      explanation: 'The search policy is π(a) ∝ N(root, a)^(1/τ): a small temperature sharpens towards the most visited action. Raising to the power τ does the opposite (identical only at τ = 1).',
      diagnostic: 'mismatch',
    },
    {
      id: 'q-sum-not-mean',
      title: 'Q taken as the summed value W instead of W / N',
      explanation: 'Q(s, a) is the mean backed-up value, W(s, a) / N(s, a). Using the running sum lets frequently visited actions grow without bound and breaks both selection and the returned q.',
      diagnostic: 'mismatch',
    },
    {
      id: 'root-not-preexpanded',
      title: 'the first simulation spent expanding the root',
      explanation:
        'The root is expanded before the search starts, so every simulation selects an action at the root and the root visit counts sum to numSimulations. Treating the root as an unexpanded leaf wastes the first simulation (and backs up nothing).',
      diagnostic: 'mismatch',
    },
  ],
});
