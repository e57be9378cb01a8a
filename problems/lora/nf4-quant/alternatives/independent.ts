import * as tf from '@tensorflow/tfjs';

const NF4 = [
  -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453, -0.28444138169288635,
  -0.18477343022823334, -0.09105003625154495, 0.0, 0.07958029955625534, 0.16093020141124725,
  0.24611230194568634, 0.33791524171829224, 0.44070982933044434, 0.5626170039176941,
  0.7229568362236023, 1.0,
];

/** Flat loops over the row-major data; first index of the minimum distance (ties → lower code). */
export function quantizeNF4(w: tf.Tensor2D, blockSize: number): { codes: tf.Tensor2D; absmax: tf.Tensor1D; dequantized: tf.Tensor2D } {
  const [rows, cols] = w.shape;
  const data = w.dataSync();
  const total = rows * cols;
  const nBlocks = total / blockSize;
  const codes = new Int32Array(total);
  const absmax = new Float32Array(nBlocks);
  const deq = new Float32Array(total);
  for (let b = 0; b < nBlocks; b++) {
    let a = 0;
    for (let j = b * blockSize; j < (b + 1) * blockSize; j++) a = Math.max(a, Math.abs(data[j]));
    absmax[b] = a;
    for (let j = b * blockSize; j < (b + 1) * blockSize; j++) {
      const x = a === 0 ? 0 : data[j] / a;
      let best = 0;
      let bestDist = Infinity;
      for (let c = 0; c < 16; c++) {
        const d = Math.abs(x - NF4[c]);
        if (d < bestDist) {
          bestDist = d;
          best = c;
        }
      }
      codes[j] = best;
      deq[j] = NF4[best] * a;
    }
  }
  return {
    codes: tf.tensor2d(codes, [rows, cols], 'int32'),
    absmax: tf.tensor1d(absmax, 'float32'),
    dequantized: tf.tensor2d(deq, [rows, cols], 'float32'),
  };
}
