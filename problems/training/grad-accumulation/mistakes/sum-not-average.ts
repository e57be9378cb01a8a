import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(W: tf.Tensor2D, b: tf.Tensor1D, steps: MicroBatch[][], lr: number) {
  return tf.tidy(() => {
    let w: tf.Tensor = W;
    let bias: tf.Tensor = b;
    for (const microBatches of steps) {
      let gW: tf.Tensor = tf.zerosLike(w);
      let gb: tf.Tensor = tf.zerosLike(bias);
      for (const { x, y } of microBatches) {
        const n = x.shape[0];
        const r = tf.matMul(x, w).add(bias).sub(y);
        // Bug: adds each micro-batch's mean gradient, never divides by the number of micro-batches.
        gW = gW.add(tf.matMul(x, r, true, false).mul(2 / n));
        gb = gb.add(r.sum(0).mul(2 / n));
      }
      w = w.sub(gW.mul(lr));
      bias = bias.sub(gb.mul(lr));
    }
    return { W: w, b: bias };
  });
}
