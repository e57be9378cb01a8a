// Held-out wrong variant: reads the rank from the wrong axis (a.shape[0] = dIn instead of a.shape[1]).
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const [dIn, dOut] = w.shape;
  const r = a.shape[0];
  const scale = alpha / r;
  const W = w.arraySync();
  const A = a.arraySync();
  const B = b.arraySync();
  const merged: number[][] = [];
  for (let i = 0; i < dIn; i++) {
    const row: number[] = [];
    for (let j = 0; j < dOut; j++) {
      let acc = 0;
      for (let k = 0; k < a.shape[1]; k++) acc += A[i][k] * B[k][j];
      row.push(W[i][j] + scale * acc);
    }
    merged.push(row);
  }
  return tf.tensor2d(merged, [dIn, dOut], 'float32');
}
