// Held-out wrong variant: the gradient accumulators and example count are initialised once before the loop over steps and never reset, so later steps also include earlier steps' gradients.
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  const [din, dout] = W.shape;
  const w = W.arraySync() as number[][];
  const bb = b.arraySync() as number[];
  // sum over examples of 2 * x^T r and 2 * r
  const accW: number[][] = Array.from({ length: din }, () => new Array(dout).fill(0));
  const accB: number[] = new Array(dout).fill(0);
  let count = 0;
  for (const micro of steps) {
    for (const mb of micro) {
      const xs = mb.x.arraySync() as number[][];
      const ys = mb.y.arraySync() as number[][];
      for (let n = 0; n < xs.length; n++) {
        const r = new Array(dout).fill(0);
        for (let o = 0; o < dout; o++) {
          let s = bb[o];
          for (let i = 0; i < din; i++) s += xs[n][i] * w[i][o];
          r[o] = s - ys[n][o];
        }
        for (let o = 0; o < dout; o++) {
          accB[o] += 2 * r[o];
          for (let i = 0; i < din; i++) accW[i][o] += 2 * xs[n][i] * r[o];
        }
        count++;
      }
    }
    for (let i = 0; i < din; i++) for (let o = 0; o < dout; o++) w[i][o] -= (lr * accW[i][o]) / count;
    for (let o = 0; o < dout; o++) bb[o] -= (lr * accB[o]) / count;
  }
  return { W: tf.tensor2d(w, [din, dout], 'float32'), b: tf.tensor1d(bb, 'float32') };
}
