import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { shapeOf, tensorOf } from '../../../src/judge/contract';
import { tensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { gcnLayer } from './reference';

type Edge = [number, number];
type Claim = 'directed' | 'duplicates' | 'listed self-loop' | 'isolated node' | 'no self-loop listed';

function edgeSpec(edges: Edge[]) {
  return tensorSpec([...edges.map((e) => e[0]), ...edges.map((e) => e[1])], [2, edges.length], 'int32');
}

/** A case whose edge list is checked for every claimed property (throws otherwise). */
function gcnCase(rng: Rng, name: string, isPublic: boolean, n: number, edges: Edge[], fIn: number, fOut: number, activation: 'relu' | 'none', claims: Claim[] = [], biasScale = 0.5): CaseSpec {
  const key = (e: Edge) => `${e[0]},${e[1]}`;
  const keys = edges.map(key);
  const has = new Set(keys);
  const touched = new Set(edges.flat());
  if (edges.some(([s, t]) => !(s >= 0 && s < n && t >= 0 && t < n && Number.isInteger(s) && Number.isInteger(t)))) throw new Error(`gcn case "${name}": edge out of range`);
  for (const claim of claims) {
    const ok =
      claim === 'directed' ? edges.some(([s, t]) => !has.has(`${t},${s}`))
      : claim === 'duplicates' ? has.size < keys.length
      : claim === 'listed self-loop' ? edges.some(([s, t]) => s === t)
      : claim === 'no self-loop listed' ? edges.every(([s, t]) => s !== t)
      : touched.size < n;
    if (!ok) throw new Error(`gcn case "${name}": promised ${claim}`);
  }
  return {
    name,
    public: isPublic,
    args: [rng.normal([n, fIn]), edgeSpec(edges), rng.normal([fIn, fOut], 1 / Math.sqrt(fIn)), rng.normal([fOut], biasScale), activation],
  };
}

/** Each unordered pair {i, j}, i ≠ j, joined with probability p, listed in both directions. */
function undirected(rng: Rng, n: number, p: number): Edge[] {
  const edges: Edge[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.next() < p) edges.push([i, j], [j, i]);
  return edges;
}

/** m directed edges between distinct nodes, drawn independently (so repeats are possible). */
function directed(rng: Rng, n: number, m: number): Edge[] {
  const edges: Edge[] = [];
  while (edges.length < m) {
    const s = rng.int(0, n - 1);
    const t = rng.int(0, n - 1);
    if (s !== t) edges.push([s, t]);
  }
  return edges;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    {
      name: 'example 1: undirected path 0 – 1 – 2, identity weights',
      public: true,
      args: [tensorSpec([1, 0, 0, 1, 1, 1], [3, 2]), edgeSpec([[0, 1], [1, 0], [1, 2], [2, 1]]), tensorSpec([1, 0, 0, 1], [2, 2]), tensorSpec([0, 0], [2]), 'none'],
    },
    {
      name: 'example 2: directed edges, a duplicate, an isolated node, relu',
      public: true,
      args: [tensorSpec([1, 2, 3, 4], [4, 1]), edgeSpec([[0, 1], [0, 1], [2, 1], [1, 2]]), tensorSpec([1, -0.5], [1, 2]), tensorSpec([-2, 1.5], [2]), 'relu'],
    },
  ];
  list.push(gcnCase(rng, 'example 3: undirected random graph, 8 nodes', true, 8, undirected(rng, 8, 0.35), 4, 3, 'relu', ['no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: undirected graph, no activation', false, 10, undirected(rng, 10, 0.3), 5, 4, 'none', ['no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: directed edges only (in-degree ≠ out-degree)', false, 9, [[0, 1], [0, 2], [0, 3], [1, 2], [3, 2], [4, 2], [5, 6], [6, 7], [7, 8], [8, 5], [2, 4]], 4, 3, 'none', ['directed', 'no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: random directed multigraph (repeated edges count twice)', false, 7, [...directed(rng, 7, 14), [1, 3], [1, 3], [1, 3]], 3, 4, 'none', ['directed', 'duplicates', 'no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: duplicated undirected edge', false, 5, [[0, 1], [1, 0], [0, 1], [1, 0], [1, 2], [2, 1], [3, 4], [4, 3], [2, 3], [3, 2]], 3, 3, 'relu', ['duplicates', 'no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: self-loops already in the list (one more is added)', false, 6, [[0, 0], [1, 1], [0, 1], [1, 0], [2, 3], [3, 2], [4, 4], [3, 4], [4, 5]], 3, 2, 'none', ['listed self-loop', 'directed']));
  list.push(gcnCase(rng, 'hidden: isolated nodes', false, 8, [[0, 1], [1, 0], [1, 2], [2, 1], [5, 6]], 4, 3, 'relu', ['isolated node', 'directed', 'no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: no edges at all (E = 0)', false, 5, [], 3, 2, 'none', ['isolated node']));
  list.push(gcnCase(rng, 'hidden: a single edge (E = 1)', false, 3, [[0, 1]], 3, 2, 'none', ['directed', 'isolated node', 'no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: one node, no edges', false, 1, [], 3, 2, 'relu', ['isolated node']));
  list.push(gcnCase(rng, 'hidden: one node with a listed self-loop', false, 1, [[0, 0]], 2, 3, 'none', ['listed self-loop']));
  list.push(gcnCase(rng, 'hidden: star graph (hub of degree 9)', false, 10, Array.from({ length: 9 }, (_, i) => [[0, i + 1], [i + 1, 0]] as Edge[]).flat(), 3, 3, 'none', ['no self-loop listed']));
  list.push(gcnCase(rng, 'hidden: edges into a hub only (directed star)', false, 7, Array.from({ length: 6 }, (_, i) => [i + 1, 0] as Edge), 2, 2, 'none', ['directed']));
  list.push(gcnCase(rng, 'hidden: large bias', false, 6, [[0, 1], [1, 0], [1, 2], [2, 1], [2, 3], [3, 4], [4, 5], [5, 4]], 3, 3, 'none', ['directed'], 5));
  list.push(gcnCase(rng, 'hidden: realistic graph, 40 nodes, 16 → 8 features', false, 40, undirected(rng, 40, 0.08), 16, 8, 'relu'));
  for (let i = 0; i < 3; i++) {
    const n = rng.int(2, 12);
    list.push(gcnCase(rng, `hidden: random shapes ${i + 1}`, false, n, directed(rng, n, rng.int(0, 3 * n)), rng.int(1, 6), rng.int(1, 6), rng.pick(['relu', 'none'] as const)));
  }
  return list;
}

export default defineProblem({
  id: 'architectures/gnn-message-passing',
  entry: 'gcnLayer',
  argNames: ['x', 'edges', 'w', 'b', 'activation'],
  reference: gcnLayer,
  // [n, fOut]: one row per node, w's output width.
  output: tensorOf('float32', (args) => [shapeOf(args, 0)[0], shapeOf(args, 2)[1]]),
  cases,
  mistakes: [
    {
      id: 'no-self-loops',
      title: 'self-loops not added (A instead of A + I)',
      explanation: 'GCN propagates over Â = A + I so a node keeps its own features; without the identity a node’s output ignores its own input (and an isolated node has degree 0).',
      diagnostic: 'mismatch',
    },
    {
      id: 'degree-without-self-loop',
      title: 'degree counted without the added self-loop',
      explanation: 'D is the degree matrix of Â = A + I: deg_i = (edges into i) + 1. Leaving out the 1 over-weights every message and divides by 0 at isolated nodes.',
      diagnostic: 'mismatch',
    },
    {
      id: 'mean-aggregation',
      title: 'row normalisation D⁻¹Â (mean) instead of D^{-1/2} Â D^{-1/2}',
      explanation: 'The GCN weight of the message s → t is 1/√(deg_s·deg_t), symmetric in both ends; D⁻¹Â averages the neighbours instead (GraphSAGE-mean).',
      diagnostic: 'mismatch',
    },
    {
      id: 'out-degree-normalisation',
      title: 'degrees counted at the source (out-degree) instead of the target',
      explanation: 'deg_i counts the edges whose target is i (plus the self-loop), the row sums of Â with Â[t, s] = #edges s → t. For a directed edge list in- and out-degree differ.',
      diagnostic: 'mismatch',
    },
    {
      id: 'messages-reversed',
      title: 'messages sent along edges backwards (target → source)',
      explanation: 'Edge (s, t) sends s’s features to t: Â[t, s] += 1. Building Â[s, t] makes each node aggregate from the nodes it points to.',
      diagnostic: 'mismatch',
    },
    {
      id: 'duplicates-collapsed',
      title: 'repeated edges counted once',
      explanation: 'Each row of the edge list is one edge: an edge listed twice has weight 2 in Â and adds 2 to the degree. Do not deduplicate.',
      diagnostic: 'mismatch',
    },
    {
      id: 'remaining-self-loops',
      title: 'self-loop added only where none is listed',
      explanation: 'Â = A + I adds one self-loop to every node, also to a node whose self-loop is already in the edge list (its diagonal entry becomes 2).',
      diagnostic: 'mismatch',
    },
    {
      id: 'bias-before-aggregation',
      title: 'bias added before aggregating (Â_norm · (XW + b))',
      explanation: 'The bias is added once per node after the propagation: Â_norm·X·W + b. The normalised rows do not sum to 1, so aggregating the bias changes it.',
      diagnostic: 'mismatch',
    },
  ],
});
