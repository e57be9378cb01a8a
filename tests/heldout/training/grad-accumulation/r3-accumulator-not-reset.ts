// Held-out wrong variant: the gradient accumulators are created once before the loop and never zeroed between optimizer steps, so each step also re-applies the gradients of all previous steps.
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  const [din, dout] = W.shape;
  const Wv = W.arraySync().map((row) => row.slice());
  const bv = Array.from(b.dataSync());
  // accumulated sums of 2 * residual terms
  const accW: number[][] = Array.from({ length: din }, () => new Array(dout).fill(0));
  const accB: number[] = new Array(dout).fill(0);
  for (const micro of steps) {
    let N = 0;
    for (const mb of micro) {
      const xs = mb.x.arraySync();
      const ys = mb.y.arraySync();
      N += xs.length;
      for (let i = 0; i < xs.length; i++) {
        for (let o = 0; o < dout; o++) {
          let pred = bv[o];
          for (let d = 0; d < din; d++) pred += xs[i][d] * Wv[d][o];
          const r = pred - ys[i][o];
          accB[o] += 2 * r;
          for (let d = 0; d < din; d++) accW[d][o] += 2 * xs[i][d] * r;
        }
      }
    }
    for (let d = 0; d < din; d++) for (let o = 0; o < dout; o++) Wv[d][o] -= (lr * accW[d][o]) / N;
    for (let o = 0; o < dout; o++) bv[o] -= (lr * accB[o]) / N;
  }
  return { W: tf.tensor2d(Wv, [din, dout], 'float32'), b: tf.tensor1d(bv, 'float32') };
}
