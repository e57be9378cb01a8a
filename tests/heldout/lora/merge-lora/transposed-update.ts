// Held-out wrong variant: adds the transposed update (AB)ᵀ, mixing up the [dIn, dOut] layout with PyTorch [out, in].
import * as tf from '@tensorflow/tfjs';

export function mergeLora(w: tf.Tensor2D, a: tf.Tensor2D, b: tf.Tensor2D, alpha: number): tf.Tensor2D {
  const [dIn, dOut] = w.shape;
  const r = a.shape[1];
  const scale = alpha / r;
  const W = w.arraySync();
  const A = a.arraySync();
  const B = b.arraySync();
  const merged: number[][] = [];
  for (let i = 0; i < dIn; i++) {
    const row: number[] = [];
    for (let j = 0; j < dOut; j++) {
      let acc = 0;
      for (let k = 0; k < r; k++) acc += A[j][k] * B[k][i];
      row.push(W[i][j] + scale * acc);
    }
    merged.push(row);
  }
  return tf.tensor2d(merged, [dIn, dOut], 'float32');
}
