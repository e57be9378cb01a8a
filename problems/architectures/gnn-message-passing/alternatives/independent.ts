import * as tf from '@tensorflow/tfjs';

/**
 * Sparse message passing over the edge list, no dense Â: transform h = x·W, then each node starts
 * from its own self-loop message h_i / deg_i and every listed edge s → t adds h_s / sqrt(deg_t · deg_s)
 * to node t (a repeated edge simply adds its message again). Bias, then activation.
 */
export function gcnLayer(x: tf.Tensor2D, edges: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D, activation: 'relu' | 'none'): tf.Tensor2D {
  const [n, fIn] = x.shape;
  const fOut = w.shape[1];
  const E = edges.shape[1];
  const xd = x.dataSync();
  const wd = w.dataSync();
  const bd = b.dataSync();
  const ed = edges.dataSync(); // row 0: sources, row 1: targets

  // h = x W
  const h = new Float64Array(n * fOut);
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < fOut; o++) {
      let s = 0;
      for (let c = 0; c < fIn; c++) s += xd[i * fIn + c] * wd[c * fOut + o];
      h[i * fOut + o] = s;
    }
  }

  // in-degree (edges by target) + the added self-loop
  const deg = new Float64Array(n).fill(1);
  for (let e = 0; e < E; e++) deg[ed[E + e]] += 1;

  // self-loop messages
  const agg = new Float64Array(n * fOut);
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < fOut; o++) agg[i * fOut + o] = h[i * fOut + o] / deg[i];
  }
  // edge messages s → t
  for (let e = 0; e < E; e++) {
    const s = ed[e];
    const t = ed[E + e];
    const coef = 1 / Math.sqrt(deg[t] * deg[s]);
    for (let o = 0; o < fOut; o++) agg[t * fOut + o] += coef * h[s * fOut + o];
  }

  const out = new Float32Array(n * fOut);
  for (let i = 0; i < n; i++) {
    for (let o = 0; o < fOut; o++) {
      const v = agg[i * fOut + o] + bd[o];
      out[i * fOut + o] = activation === 'relu' ? Math.max(0, v) : v;
    }
  }
  return tf.tensor2d(out, [n, fOut], 'float32');
}
