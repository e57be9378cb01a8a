// Held-out wrong variant: each micro-batch's mean gradient is averaged with equal weight over micro-batches instead of weighting each by its size n_m / N.
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  let curW: tf.Tensor = W.clone();
  let curB: tf.Tensor = b.clone();
  for (const micro of steps) {
    const [nW, nB] = tf.tidy(() => {
      let gW: tf.Tensor = tf.zerosLike(curW);
      let gB: tf.Tensor = tf.zerosLike(curB);
      for (const { x, y } of micro) {
        const n = x.shape[0];
        const r = x.matMul(curW as tf.Tensor2D).add(curB).sub(y);
        gW = gW.add(x.transpose().matMul(r).mul(2 / n));
        gB = gB.add(r.sum(0).mul(2 / n));
      }
      gW = gW.div(micro.length);
      gB = gB.div(micro.length);
      return [curW.sub(gW.mul(lr)), curB.sub(gB.mul(lr))];
    });
    curW.dispose();
    curB.dispose();
    curW = nW;
    curB = nB;
  }
  return { W: curW, b: curB };
}
