import * as tf from '@tensorflow/tfjs';

// Independent solution: explicit sorting of (magnitude, position) pairs in plain JS.
// Ties are broken by position, so the earlier element is pruned first.

interface Entry { mag: number; pos: number }

/** Returns the positions of the k smallest entries (by mag, then by pos). */
function smallestK(entries: Entry[], k: number): Entry[] {
  const sorted = entries.slice().sort((a, b) => (a.mag !== b.mag ? a.mag - b.mag : a.pos - b.pos));
  return sorted.slice(0, k);
}

export function magnitudePrune(layers: tf.Tensor2D[], sparsity: number): { perLayer: tf.Tensor2D[]; global: tf.Tensor2D[]; rows: tf.Tensor1D[] } {
  const data = layers.map((l) => Array.from(l.dataSync()));
  const shapes = layers.map((l) => l.shape as [number, number]);

  // 1. per layer
  const perLayer = data.map((vals, l) => {
    const mask = new Float32Array(vals.length).fill(1);
    const k = Math.floor(sparsity * vals.length);
    for (const e of smallestK(vals.map((v, i) => ({ mag: Math.abs(v), pos: i })), k)) mask[e.pos] = 0;
    return tf.tensor2d(mask, shapes[l], 'float32');
  });

  // 2. global: positions numbered layer by layer, row-major inside a layer
  const offsets: number[] = [];
  const all: Entry[] = [];
  let off = 0;
  data.forEach((vals) => {
    offsets.push(off);
    vals.forEach((v, i) => all.push({ mag: Math.abs(v), pos: off + i }));
    off += vals.length;
  });
  const globalFlat = new Float32Array(off).fill(1);
  for (const e of smallestK(all, Math.floor(sparsity * off))) globalFlat[e.pos] = 0;
  const global = data.map((vals, l) =>
    tf.tensor2d(globalFlat.slice(offsets[l], offsets[l] + vals.length), shapes[l], 'float32'));

  // 3. structured rows by L2 norm
  const rows = data.map((vals, l) => {
    const [R, C] = shapes[l];
    const norms: Entry[] = [];
    for (let r = 0; r < R; r++) {
      let ss = 0;
      for (let c = 0; c < C; c++) ss += vals[r * C + c] * vals[r * C + c];
      norms.push({ mag: Math.sqrt(ss), pos: r });
    }
    const mask = new Float32Array(R).fill(1);
    for (const e of smallestK(norms, Math.floor(sparsity * R))) mask[e.pos] = 0;
    return tf.tensor1d(mask, 'float32');
  });

  return { perLayer, global, rows };
}
