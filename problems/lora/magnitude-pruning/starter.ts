import * as tf from '@tensorflow/tfjs';

/**
 * Magnitude pruning masks (1 = keep, 0 = pruned), float32.
 * layers: 2-D weight matrices; sparsity s in [0, 1].
 *   perLayer[l]: [rows_l, cols_l], the floor(s · n_l) smallest |w| of layer l pruned
 *   global[l]:   [rows_l, cols_l], the floor(s · N) smallest |w| over all layers pruned (N = Σ n_l)
 *   rows[l]:     [rows_l], the floor(s · rows_l) rows of layer l with the smallest L2 norm pruned
 * Ties: the earlier element (layer order, then row-major; for rows, the lower row index) is pruned first.
 */
export function magnitudePrune(layers: tf.Tensor2D[], sparsity: number): { perLayer: tf.Tensor2D[]; global: tf.Tensor2D[]; rows: tf.Tensor1D[] } {
  // TODO
  throw new Error('TODO');
}
