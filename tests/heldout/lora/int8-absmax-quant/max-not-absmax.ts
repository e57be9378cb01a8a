// Held-out wrong variant: takes the row max instead of the max absolute value, so rows whose largest magnitude is negative get a wrong scale.
import * as tf from '@tensorflow/tfjs';

export function quantizeInt8(w: tf.Tensor2D) {
  const [rows, cols] = w.shape;
  const data = w.dataSync();
  const q = new Int32Array(rows * cols);
  const scale = new Float32Array(rows);
  const deq = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let absmax = -Infinity;
    for (let j = 0; j < cols; j++) absmax = Math.max(absmax, data[i * cols + j]);
    const s = absmax > 0 ? Math.fround(absmax / 127) : 1; // all-zero row: any positive scale
    scale[i] = s;
    for (let j = 0; j < cols; j++) {
      const v = Math.min(127, Math.max(-127, Math.round(data[i * cols + j] / s)));
      q[i * cols + j] = v;
      deq[i * cols + j] = v * s;
    }
  }
  return {
    q: tf.tensor2d(q, [rows, cols], 'int32'),
    scale: tf.tensor2d(scale, [rows, 1], 'float32'),
    dequantized: tf.tensor2d(deq, [rows, cols], 'float32'),
  };
}
