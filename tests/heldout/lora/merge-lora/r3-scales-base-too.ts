// Held-out wrong variant: the accumulator starts from W and the alpha / r factor is applied after the loop, so the base weight is scaled along with A·B.
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const W = w.arraySync();
  const A = a.arraySync();
  const B = b.arraySync();
  const dIn = W.length;
  const dOut = W[0].length;
  const r = A[0].length;
  const s = alpha / r;
  const out: number[][] = [];
  for (let i = 0; i < dIn; i++) {
    const row: number[] = [];
    for (let j = 0; j < dOut; j++) {
      let acc = W[i][j];
      for (let k = 0; k < r; k++) acc += A[i][k] * B[k][j];
      row.push(s * acc);
    }
    out.push(row);
  }
  return tf.tensor2d(out, [dIn, dOut]);
}
