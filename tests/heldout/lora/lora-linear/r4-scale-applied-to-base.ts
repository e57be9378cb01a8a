// Held-out wrong variant: the alpha / r factor multiplies the whole output x·W + x·A·B instead of only the low-rank update.
import * as tf from '@tensorflow/tfjs';

export function loraLinear(x: tf.Tensor, w: tf.Tensor, a: tf.Tensor, b: tf.Tensor, alpha: number): tf.Tensor {
  const lead = x.shape.slice(0, -1);
  const dIn = x.shape[x.shape.length - 1];
  const X = x.reshape([-1, dIn]).arraySync() as number[][];
  const W = w.arraySync() as number[][];
  const A = a.arraySync() as number[][];
  const B = b.arraySync() as number[][];
  const r = A[0].length;
  const dOut = W[0].length;
  const s = alpha / r;
  const out: number[][] = [];
  for (const row of X) {
    const h = new Array(r).fill(0);
    for (let k = 0; k < r; k++) for (let i = 0; i < dIn; i++) h[k] += row[i] * A[i][k];
    const y = new Array(dOut).fill(0);
    for (let j = 0; j < dOut; j++) {
      let base = 0;
      for (let i = 0; i < dIn; i++) base += row[i] * W[i][j];
      let upd = 0;
      for (let k = 0; k < r; k++) upd += h[k] * B[k][j];
      y[j] = s * (base + upd);
    }
    out.push(y);
  }
  return tf.tensor(out).reshape([...lead, dOut]);
}
