import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(W: tf.Tensor2D, b: tf.Tensor1D, steps: MicroBatch[][], lr: number) {
  return tf.tidy(() => {
    let w: tf.Tensor = W;
    let bias: tf.Tensor = b;
    // Bug: running sums of per-example gradients live across steps and are never zeroed; each step divides the whole sum by its own N.
    let sumW: tf.Tensor = tf.zerosLike(w);
    let sumB: tf.Tensor = tf.zerosLike(bias);
    for (const microBatches of steps) {
      let N = 0;
      for (const { x, y } of microBatches) {
        N += x.shape[0];
        const r = tf.matMul(x, w).add(bias).sub(y);
        sumW = sumW.add(tf.matMul(x, r, true, false).mul(2));
        sumB = sumB.add(r.sum(0).mul(2));
      }
      w = w.sub(sumW.mul(lr / N));
      bias = bias.sub(sumB.mul(lr / N));
    }
    return { W: w, b: bias };
  });
}
