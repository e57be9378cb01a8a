// Held-out wrong variant: the inner loop over the rank stops at r − 1, so the last rank component of A·B is left out of the merge.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const W = w.arraySync();
  const A = a.arraySync();
  const B = b.arraySync();
  const [dIn, dOut] = w.shape;
  const r = a.shape[1];
  const s = alpha / r;
  const out: number[][] = [];
  for (let i = 0; i < dIn; i++) {
    const row: number[] = [];
    for (let j = 0; j < dOut; j++) {
      let acc = 0;
      for (let k = 0; k < r - 1; k++) acc += A[i][k] * B[k][j];
      row.push(W[i][j] + s * acc);
    }
    out.push(row);
  }
  return tf.tensor2d(out, [dIn, dOut]);
}
