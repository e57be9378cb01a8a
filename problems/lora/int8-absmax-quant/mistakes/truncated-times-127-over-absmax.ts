import * as tf from '@tensorflow/tfjs';

// Symmetric per-row absmax int8 quantization of w: [rows, cols], in plain JavaScript (float64).
export function quantizeInt8(w: tf.Tensor2D) {
  const [rows, cols] = w.shape;
  const data = w.dataSync();
  const q = new Int32Array(rows * cols);
  const scale = new Float32Array(rows);
  const deq = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let absmax = 0;
    for (let j = 0; j < cols; j++) absmax = Math.max(absmax, Math.abs(data[i * cols + j]));
    // An all-zero row has no range; any positive scale works, use 1 (q = 0 there).
    const s = absmax > 0 ? absmax / 127 : 1;
    scale[i] = s;
    for (let j = 0; j < cols; j++) {
      // Bug: truncates w · 127 / absmax toward zero instead of rounding it (the absmax element gives
      // exactly ±127 this way, every other value loses its fraction).
      const v = absmax > 0 ? Math.min(127, Math.max(-127, Math.trunc((data[i * cols + j] * 127) / absmax))) : 0;
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
