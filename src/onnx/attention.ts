/**
 * Attention pieces shared by the ONNX formulations (never by the tfjs references): scaled scores
 * over the last two axes, an optional boolean mask, softmax over keys, weights · v.
 */
import type { GraphBuilder, Value } from './GraphBuilder';

/** A permutation that swaps the last two axes of a rank-`rank` tensor. */
export function swapLastTwo(rank: number): number[] {
  return [...Array(rank).keys()].map((i) => (i === rank - 2 ? rank - 1 : i === rank - 1 ? rank - 2 : i));
}

/** [rows, cols] bool: key j visible from query i when i - j lies in [0, window) (window = Infinity: causal). */
export function bandMask(g: GraphBuilder, rows: number, cols: number, window = Infinity): Value {
  const ones = g.constant(new Array(rows * cols).fill(1), [rows, cols]);
  const causal = g.trilu(ones, 0, 0);
  if (!Number.isFinite(window)) return g.cast(causal, 'bool');
  // Trilu with k = -window keeps the keys at least `window` steps back: remove them.
  return g.cast(g.sub(causal, g.trilu(ones, 0, -window)), 'bool');
}

/** softmax(q·kᵀ/√d [masked]) · v for tensors of rank `rank`; `allowed` broadcasts to the scores. */
export function scaledDotProduct(g: GraphBuilder, q: Value, k: Value, v: Value, rank: number, d: number, allowed?: Value): Value {
  let scores = g.div(g.matMul(q, g.transpose(k, swapLastTwo(rank))), g.scalar(Math.sqrt(d)));
  if (allowed) scores = g.where(allowed, scores, g.scalar(-1e9));
  return g.matMul(g.softmax(scores, -1), v);
}
