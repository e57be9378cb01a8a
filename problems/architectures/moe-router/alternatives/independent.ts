import * as tf from '@tensorflow/tfjs';

/**
 * Token-by-token MoE in plain JavaScript (float64 arithmetic on the typed-array data):
 * a stable softmax per token, a stable sort for top-k (lower index first on exact ties),
 * per-expert queues filled in token order, and only the kept (token, expert) pairs run through FFNs.
 */
export function moeLayer(
  x: tf.Tensor2D,
  wRouter: tf.Tensor2D,
  w1: tf.Tensor3D,
  b1: tf.Tensor2D,
  w2: tf.Tensor3D,
  b2: tf.Tensor2D,
  k: number,
  capacity: number,
): { out: tf.Tensor2D; auxLoss: tf.Scalar } {
  const [T, d] = x.shape;
  const E = wRouter.shape[1];
  const f = w1.shape[2];
  const xd = x.dataSync();
  const wr = wRouter.dataSync();
  const w1d = w1.dataSync();
  const b1d = b1.dataSync();
  const w2d = w2.dataSync();
  const b2d = b2.dataSync();

  // 1. router probabilities, stable softmax per token
  const probs: number[][] = [];
  for (let t = 0; t < T; t++) {
    const logits = new Array<number>(E).fill(0);
    for (let i = 0; i < E; i++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += xd[t * d + c] * wr[c * E + i];
      logits[i] = s;
    }
    const m = Math.max(...logits);
    const ex = logits.map((l) => Math.exp(l - m));
    const z = ex.reduce((a, v) => a + v, 0);
    probs.push(ex.map((v) => v / z));
  }

  // 2-3. top-k (stable sort: equal probabilities keep index order) and renormalised gates
  const chosen: number[][] = [];
  const gates: number[][] = [];
  for (let t = 0; t < T; t++) {
    const order = Array.from({ length: E }, (_, i) => i);
    order.sort((a, c) => (probs[t][c] - probs[t][a]) || (a - c));
    const s = order.slice(0, k);
    const tot = s.reduce((acc, i) => acc + probs[t][i], 0);
    chosen.push(s);
    gates.push(s.map((i) => probs[t][i] / tot));
  }

  // 4. capacity: per-expert queue in token order
  const load = new Array<number>(E).fill(0);
  const out = new Float64Array(T * d);
  const hidden = new Float64Array(f);
  for (let t = 0; t < T; t++) {
    for (let r = 0; r < k; r++) {
      const e = chosen[t][r];
      load[e] += 1;
      if (load[e] > capacity) continue; // dropped
      // 5. FFN_e(x_t)
      for (let h = 0; h < f; h++) {
        let s = b1d[e * f + h];
        for (let c = 0; c < d; c++) s += xd[t * d + c] * w1d[(e * d + c) * f + h];
        hidden[h] = s > 0 ? s : 0;
      }
      // 6. combine with the (unrenormalised) gate
      const g = gates[t][r];
      for (let c = 0; c < d; c++) {
        let s = b2d[e * d + c];
        for (let h = 0; h < f; h++) s += hidden[h] * w2d[(e * f + h) * d + c];
        out[t * d + c] += g * s;
      }
    }
  }

  // 7. Switch load-balancing loss; load[] counts every choice, before drops
  let aux = 0;
  for (let i = 0; i < E; i++) {
    const fi = load[i] / (T * k);
    let Pi = 0;
    for (let t = 0; t < T; t++) Pi += probs[t][i];
    Pi /= T;
    aux += fi * Pi;
  }
  aux *= E;

  return {
    out: tf.tensor2d(Float32Array.from(out), [T, d], 'float32'),
    auxLoss: tf.scalar(aux, 'float32'),
  };
}
