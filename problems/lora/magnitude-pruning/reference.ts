import * as tf from '@tensorflow/tfjs';

/** Positions of the k smallest keys; equal keys: the earlier position goes first (sort is stable). */
function smallest(keys: number[], k: number): number[] {
  const order = keys.map((_, i) => i);
  order.sort((a, b) => keys[a] - keys[b]);
  return order.slice(0, k);
}

function maskFrom(pruned: number[], n: number, shape: number[]): tf.Tensor {
  const mask = new Float32Array(n).fill(1);
  for (const i of pruned) mask[i] = 0;
  return tf.tensor(mask, shape);
}

// layers: 2-D weight matrices; sparsity in [0, 1]. Returns float32 0/1 keep-masks.
export function magnitudePrune(layers: tf.Tensor2D[], sparsity: number) {
  const values = layers.map((w) => Array.from(w.dataSync(), Math.abs));

  // Per layer: remove the floor(s · n) smallest |w| of each layer.
  const perLayer = layers.map((w, l) => maskFrom(smallest(values[l], Math.floor(sparsity * values[l].length)), values[l].length, w.shape));

  // Global: one ranking over all layers, in layer order then row-major order.
  const all = values.flat();
  const flatMask = new Float32Array(all.length).fill(1);
  for (const i of smallest(all, Math.floor(sparsity * all.length))) flatMask[i] = 0;
  let offset = 0;
  const global = layers.map((w) => {
    const n = w.shape[0] * w.shape[1];
    const mask = tf.tensor(flatMask.slice(offset, offset + n), w.shape);
    offset += n;
    return mask;
  });

  // Structured: remove the floor(s · rows) rows with the smallest L2 norm in each layer.
  const rows = layers.map((w, l) => {
    const [r, c] = w.shape;
    const norms = Array.from({ length: r }, (_, i) => Math.sqrt(values[l].slice(i * c, (i + 1) * c).reduce((acc, v) => acc + v * v, 0)));
    return maskFrom(smallest(norms, Math.floor(sparsity * r)), r, [r]);
  });

  return { perLayer, global, rows };
}
