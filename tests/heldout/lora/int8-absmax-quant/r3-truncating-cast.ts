// Held-out wrong variant: w/s is converted to int32 by truncation toward zero (Math.trunc) instead of round-to-nearest.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  const W = w.arraySync();
  const rows = W.length;
  const cols = W[0].length;
  const Q: number[][] = [];
  const S: number[][] = [];
  const DQ: number[][] = [];
  for (let i = 0; i < rows; i++) {
    let m = 0;
    for (let j = 0; j < cols; j++) m = Math.max(m, Math.abs(W[i][j]));
    const s = m > 0 ? m / 127 : 1;
    const qRow: number[] = [];
    const dRow: number[] = [];
    for (let j = 0; j < cols; j++) {
      let qv = Math.trunc(W[i][j] / s);
      qv = Math.min(127, Math.max(-127, qv));
      qRow.push(qv);
      dRow.push(qv * s);
    }
    Q.push(qRow);
    S.push([s]);
    DQ.push(dRow);
  }
  return {
    q: tf.tensor2d(Q, [rows, cols], 'int32'),
    scale: tf.tensor2d(S, [rows, 1]),
    dequantized: tf.tensor2d(DQ, [rows, cols]),
  };
}
