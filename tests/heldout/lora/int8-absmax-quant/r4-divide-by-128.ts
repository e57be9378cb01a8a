// Held-out wrong variant: the scale is absmax / 128 (the int8 magnitude of −128) instead of absmax / 127.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  const W = w.arraySync();
  const rows = W.length;
  const cols = w.shape[1];
  const Q: number[][] = [];
  const S: number[][] = [];
  const Deq: number[][] = [];
  for (let i = 0; i < rows; i++) {
    let amax = 0;
    for (let j = 0; j < cols; j++) amax = Math.max(amax, Math.abs(W[i][j]));
    const s = amax === 0 ? 1 : Math.fround(amax / 128);
    const qRow: number[] = [];
    const dRow: number[] = [];
    for (let j = 0; j < cols; j++) {
      let v = Math.round(W[i][j] / s);
      if (v > 127) v = 127;
      if (v < -127) v = -127;
      qRow.push(v);
      dRow.push(v * s);
    }
    Q.push(qRow);
    S.push([s]);
    Deq.push(dRow);
  }
  return {
    q: tf.tensor2d(Q, [rows, cols], 'int32'),
    scale: tf.tensor2d(S, [rows, 1], 'float32'),
    dequantized: tf.tensor2d(Deq, [rows, cols], 'float32'),
  };
}
