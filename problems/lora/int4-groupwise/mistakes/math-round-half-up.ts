import * as tf from '@tensorflow/tfjs';

// Plain JavaScript loops (float64), otherwise the statement's algorithm.
export function quantizeInt4(w: tf.Tensor2D, groupSize: number) {
  const [rows, cols] = w.shape;
  const data = w.dataSync();
  const G = cols / groupSize;
  const packed = new Int32Array((rows * cols) / 2);
  const scale = new Float32Array(rows * G);
  const zero = new Int32Array(rows * G);
  const deq = new Float32Array(rows * cols);
  const q = new Int32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < G; g++) {
      let lo = 0;
      let hi = 0;
      for (let j = g * groupSize; j < (g + 1) * groupSize; j++) {
        lo = Math.min(lo, data[r * cols + j]);
        hi = Math.max(hi, data[r * cols + j]);
      }
      const s = hi > lo ? Math.fround((hi - lo) / 15) : 1;
      const z = Math.round(-lo / s); // Bug: Math.round rounds .5 up, not to even
      scale[r * G + g] = s;
      zero[r * G + g] = z;
      for (let j = g * groupSize; j < (g + 1) * groupSize; j++) {
        const k = r * cols + j;
        q[k] = Math.min(15, Math.max(0, Math.round(data[k] / s) + z));
        deq[k] = (q[k] - z) * s;
      }
    }
  }
  for (let k = 0; k < packed.length; k++) packed[k] = q[2 * k] + 16 * q[2 * k + 1];
  return {
    packed: tf.tensor2d(packed, [rows, cols / 2], 'int32'),
    scale: tf.tensor2d(scale, [rows, G]),
    zero: tf.tensor2d(zero, [rows, G], 'int32'),
    dequantized: tf.tensor2d(deq, [rows, cols]),
  };
}
