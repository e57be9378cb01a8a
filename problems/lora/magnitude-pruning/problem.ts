import { defineProblem, type CaseSpec } from '../../../src/judge/problem';
import { arrayOf, objectOf, tensorOf, type ContractArgs } from '../../../src/judge/contract';
import { isTensorSpec, tensorSpec, type TensorSpec } from '../../../src/judge/inputs';
import type { Rng } from '../../../src/judge/rng';
import { magnitudePrune } from './reference';

function layerShape(args: ContractArgs, l: number): number[] {
  const layers = args[0];
  if (!Array.isArray(layers) || !isTensorSpec(layers[l])) throw new Error('contract: layers[l] is not a tensor');
  return [...layers[l].shape];
}

/** s · n must be an exact integer or clearly fractional, so floor(s · n) is the same in any precision. */
function assertCounts(layers: TensorSpec[], s: number): void {
  const sizes = layers.map((w) => w.shape[0] * w.shape[1]);
  const counts = [...sizes, sizes.reduce((a, b) => a + b, 0), ...layers.map((w) => w.shape[0])];
  for (const n of counts) {
    const x = s * n;
    if (x !== Math.round(x) && Math.abs(x - Math.round(x)) < 1e-6) throw new Error(`pruning: s · n = ${x} is within 1e-6 of an integer`);
  }
}

/**
 * Row L2 norms are either exactly equal — duplicate or sign-flipped rows, or rows of half-integers
 * whose squares sum exactly in any order and precision — or differ by more than 1e-4 relative.
 */
function assertRowNorms(w: TensorSpec): void {
  const [r, c] = w.shape;
  const row = (i: number) => Array.from(w.data.slice(i * c, (i + 1) * c));
  const exactRow = (i: number) => row(i).every((v) => Number.isInteger(2 * v) && Math.abs(v) <= 64);
  const sumsq = (i: number) => row(i).reduce((a, v) => a + v * v, 0);
  for (let i = 0; i < r; i++) {
    for (let j = i + 1; j < r; j++) {
      if (row(i).map(Math.abs).join() === row(j).map(Math.abs).join()) continue;
      if (exactRow(i) && exactRow(j) && sumsq(i) === sumsq(j)) continue;
      const [a, b] = [Math.sqrt(sumsq(i)), Math.sqrt(sumsq(j))];
      if (Math.abs(a - b) <= 1e-4 * Math.max(a, b)) throw new Error('pruning: two rows with nearly equal norms');
    }
  }
}

/** A random layer whose row norms are pairwise more than 1e-4 apart (rows nudged by +0.1 % until they are). */
function layer(rng: Rng, rows: number, cols: number, scale = 1): TensorSpec {
  const spec = rng.normal([rows, cols], scale);
  const d = spec.data as Float32Array;
  const norm = (i: number) => Math.hypot(...Array.from(d.slice(i * cols, (i + 1) * cols)));
  for (let i = 1; i < rows; i++) {
    for (let guard = 0; guard < 100; guard++) {
      const close = Array.from({ length: i }, (_, j) => j).some((j) => Math.abs(norm(i) - norm(j)) <= 2e-4 * Math.max(norm(i), norm(j)));
      if (!close) break;
      for (let j = 0; j < cols; j++) d[i * cols + j] = Math.fround(d[i * cols + j] * 1.001);
    }
  }
  return spec;
}

function pruneCase(name: string, layers: TensorSpec[], s: number, isPublic = false): CaseSpec {
  assertCounts(layers, s);
  layers.forEach(assertRowNorms);
  return { name, public: isPublic, args: [layers, s] };
}

/** Values from a small set {0, ±0.5, ±1, ±1.5}: many exact magnitude ties. */
function tied(rng: Rng, rows: number, cols: number): TensorSpec {
  const values: number[] = [];
  for (let i = 0; i < rows * cols; i++) values.push(rng.pick([-1.5, -1, -0.5, 0, 0.5, 1, 1.5]));
  return tensorSpec(values, [rows, cols]);
}

/** Rows with distinct norms, except for sign-flipped copies of earlier rows (exact norm ties). */
function withRowTies(rng: Rng, rows: number, cols: number): TensorSpec {
  const spec = layer(rng, rows, cols);
  const d = spec.data as Float32Array;
  for (let i = 1; i < rows; i += 2) {
    const src = rng.int(0, i - 1);
    for (let j = 0; j < cols; j++) d[i * cols + j] = (rng.next() < 0.5 ? -1 : 1) * d[src * cols + j];
  }
  return spec;
}

function cases(rng: Rng): CaseSpec[] {
  const list: CaseSpec[] = [
    pruneCase(
      'example 1: two layers, s = 0.5',
      [tensorSpec([0.5, -0.1, 0.3, 2, -0.05, 0.8], [2, 3]), tensorSpec([1.5, -2.5, 0.2, 3, -0.4, 0.6], [3, 2])],
      0.5,
      true,
    ),
    pruneCase('example 2: ties and a fractional s · n, s = 0.6', [tensorSpec([1, -1, 0, 2, -2, 1, 0.5, -0.5], [2, 4])], 0.6, true),
  ];
  list.push(pruneCase('hidden: s = 0 prunes nothing', [layer(rng, 3, 4), layer(rng, 2, 5)], 0));
  list.push(pruneCase('hidden: s = 1 prunes everything', [layer(rng, 3, 4), layer(rng, 2, 5)], 1));
  list.push(pruneCase('hidden: one layer', [layer(rng, 6, 8)], 0.375));
  list.push(
    pruneCase('hidden: layers of very different scale (global prunes the small one first)', [layer(rng, 4, 6, 0.01), layer(rng, 5, 4, 1), layer(rng, 3, 3, 100)], 0.5),
  );
  list.push(pruneCase('hidden: many exact magnitude ties, within and across layers', [tied(rng, 4, 5), tied(rng, 3, 4), tied(rng, 2, 6)], 0.4));
  list.push(pruneCase('hidden: rows with exactly equal norms (lower row pruned first)', [withRowTies(rng, 6, 5), withRowTies(rng, 4, 3)], 0.5));
  list.push(
    pruneCase(
      'hidden: L2 and L1 rank the rows differently',
      [tensorSpec([3, 0, 0, 0, 1.2, 1.2, 1.2, 1.2, 0.1, 0.2, 0.1, 0.3, 2.9, 0.5, 0, 0], [4, 4]), layer(rng, 4, 3)],
      0.25,
    ),
  );
  list.push(pruneCase('hidden: fractional s · n everywhere (floor)', [layer(rng, 3, 5), layer(rng, 7, 3), layer(rng, 1, 9)], 0.3));
  list.push(pruneCase('hidden: 1×1 and single-row layers', [layer(rng, 1, 1), layer(rng, 1, 6), layer(rng, 5, 2)], 0.7));
  {
    const w = layer(rng, 5, 6);
    const d = w.data as Float32Array;
    for (let i = 0; i < d.length; i += 4) d[i] = 0;
    list.push(pruneCase('hidden: exact zeros are pruned first', [w, layer(rng, 3, 3)], 0.2));
  }
  list.push(pruneCase('hidden: tiny weights (~1e-9): rows still ranked by their norms', [layer(rng, 6, 4, 1e-9), layer(rng, 3, 5, 1e-9)], 0.5));
  list.push(pruneCase('hidden: realistic sizes, s = 0.9', [layer(rng, 32, 64, 0.05), layer(rng, 64, 16, 0.1), layer(rng, 16, 8, 0.2)], 0.9));
  for (let i = 0; i < 3; i++) {
    const count = rng.int(1, 4);
    const layers = Array.from({ length: count }, () => layer(rng, rng.int(1, 8), rng.int(1, 8), rng.pick([0.1, 1, 3])));
    const s = rng.pick([0.125, 0.25, 0.5, 0.625, 0.75, 0.875]);
    list.push(pruneCase(`hidden: random layers ${i + 1}`, layers, s));
  }
  return list;
}

const layerCount = (args: ContractArgs) => (args[0] as unknown[]).length;

export default defineProblem({
  id: 'lora/magnitude-pruning',
  entry: 'magnitudePrune',
  argNames: ['layers', 'sparsity'],
  reference: magnitudePrune,
  // perLayer / global: one float32 mask per layer, the layer's shape; rows: one float32 [rows_l] mask per layer.
  output: objectOf({
    perLayer: arrayOf((l) => tensorOf('float32', (args) => layerShape(args, l)), layerCount),
    global: arrayOf((l) => tensorOf('float32', (args) => layerShape(args, l)), layerCount),
    rows: arrayOf((l) => tensorOf('float32', (args) => [layerShape(args, l)[0]]), layerCount),
  }),
  cases,
  mistakes: [
    {
      id: 'prunes-largest',
      title: 'prunes the largest weights instead of the smallest',
      explanation: 'Magnitude pruning removes the weights that matter least: the smallest |w|. Sort ascending (or take the bottom-k), not descending.',
      diagnostic: 'mismatch',
    },
    {
      id: 'signed-not-magnitude',
      title: 'ranks by the signed weight instead of |w|',
      explanation: 'A weight of −3 is as important as +3. Rank by magnitude |w| (and rows by their L2 norm), otherwise every large negative weight is pruned first.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rounds-k',
      title: 'number pruned rounded instead of floored',
      explanation: 'The statement prunes k = floor(s · n) elements (and floor(s · rows) rows). Math.round prunes one more whenever the fractional part is ≥ 0.5.',
      diagnostic: 'mismatch',
    },
    {
      id: 'sparsity-as-density',
      title: 'sparsity read as the fraction kept',
      explanation: 'Sparsity is the fraction of weights set to zero: s = 0.9 prunes 90 %. Pruning n − floor(s · n) treats s as the density.',
      diagnostic: 'mismatch',
    },
    {
      id: 'threshold-prunes-ties',
      title: 'threshold |w| ≤ k-th smallest prunes every tied weight',
      explanation: 'With equal magnitudes a threshold removes all weights tied at the cut, more than k. Prune exactly k: rank by (|w|, position) and remove the first k, so ties are broken by position.',
      diagnostic: 'mismatch',
    },
    {
      id: 'ties-later-first',
      title: 'ties broken towards the later element',
      explanation: 'Among equal magnitudes (or equal row norms) the statement prunes the earlier one first: layer order, then row-major position, or the lower row index. Sort by (|w|, index), not (|w|, −index).',
      diagnostic: 'mismatch',
    },
    {
      id: 'global-is-per-layer',
      title: 'global pruning ranks each layer separately',
      explanation: 'Global pruning puts all layers\' weights in one ranking and removes the floor(s · N) smallest overall, so a layer of small weights loses more than s and a layer of large weights less. Ranking within each layer is per-layer pruning.',
      diagnostic: 'mismatch',
    },
    {
      id: 'rows-by-l1',
      title: 'rows ranked by L1 norm instead of L2',
      explanation: 'Structured pruning here ranks rows by their L2 norm sqrt(Σ w²). The L1 norm Σ |w| orders rows differently: a row with one large weight vs. a row of many medium ones.',
      diagnostic: 'mismatch',
    },
  ],
});
