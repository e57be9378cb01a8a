import * as tf from '@tensorflow/tfjs';

const f = Math.fround;

/** Round half to even. */
function rint(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; fix exact ties to the even neighbour.
  if (r - x === 0.5 && r % 2 !== 0) return r - 1;
  return r;
}

/** Scalar loops over the flat data, with float32 rounding (Math.fround) after every float op. */
export function quantizeInt4(
  w: tf.Tensor2D,
  groupSize: number,
): { packed: tf.Tensor2D; scale: tf.Tensor2D; zero: tf.Tensor2D; dequantized: tf.Tensor2D } {
  const [rows, cols] = w.shape;
  const G = cols / groupSize;
  const data = w.dataSync();
  const q = new Int32Array(rows * cols);
  const scale = new Float32Array(rows * G);
  const zero = new Int32Array(rows * G);
  const deq = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < G; g++) {
      const start = r * cols + g * groupSize;
      let lo = 0;
      let hi = 0;
      for (let c = 0; c < groupSize; c++) {
        const v = data[start + c];
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      const s = hi > lo ? f(f(hi - lo) / 15) : 1;
      const z = rint(f(-lo / s));
      scale[r * G + g] = s;
      zero[r * G + g] = z;
      for (let c = 0; c < groupSize; c++) {
        const idx = start + c;
        const code = Math.min(15, Math.max(0, rint(f(data[idx] / s)) + z));
        q[idx] = code;
        deq[idx] = f((code - z) * s);
      }
    }
  }
  const packed = new Int32Array(rows * (cols / 2));
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < cols / 2; j++) {
      packed[r * (cols / 2) + j] = q[r * cols + 2 * j] | (q[r * cols + 2 * j + 1] << 4);
    }
  }
  return {
    packed: tf.tensor2d(packed, [rows, cols / 2], 'int32'),
    scale: tf.tensor2d(scale, [rows, G], 'float32'),
    zero: tf.tensor2d(zero, [rows, G], 'int32'),
    dequantized: tf.tensor2d(deq, [rows, cols], 'float32'),
  };
}
