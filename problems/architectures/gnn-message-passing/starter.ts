import * as tf from '@tensorflow/tfjs';

/**
 * One GCN layer (Kipf & Welling) on an edge list.
 * x: [n, fIn] node features; edges: int32 [2, E], column e is the directed edge edges[0][e] → edges[1][e]
 * (undirected graphs list both directions; a repeated edge counts once per listing);
 * w: [fIn, fOut]; b: [fOut]; activation: 'relu' or 'none'.
 * Â = A + I (Â[t, s] = number of edges s → t, plus one self-loop for every node),
 * deg = row sums of Â, out = act(D^{-1/2} Â D^{-1/2} · x · w + b).
 * Returns [n, fOut].
 */
export function gcnLayer(x: tf.Tensor2D, edges: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: 'relu' | 'none'): tf.Tensor2D {
  // TODO: build Â from the edge list, normalise symmetrically, aggregate x·w, add b, activate
  return tf.matMul(x, w).add(b) as tf.Tensor2D;
}
