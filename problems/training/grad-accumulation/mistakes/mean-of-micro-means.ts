import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(W: tf.Tensor2D, b: tf.Tensor1D, steps: MicroBatch[][], lr: number) {
  return tf.tidy(() => {
    let w: tf.Tensor = W;
    let bias: tf.Tensor = b;
    for (const microBatches of steps) {
      const M = microBatches.length;
      let gW: tf.Tensor = tf.zerosLike(w);
      let gb: tf.Tensor = tf.zerosLike(bias);
      for (const { x, y } of microBatches) {
        const n = x.shape[0];
        const r = tf.matMul(x, w).add(bias).sub(y);
        gW = gW.add(tf.matMul(x, r, true, false).mul(2 / n));
        gb = gb.add(r.sum(0).mul(2 / n));
      }
      // Bug: equal weight per micro-batch; right only when all micro-batches have the same size.
      w = w.sub(gW.div(M).mul(lr));
      bias = bias.sub(gb.div(M).mul(lr));
    }
    return { W: w, b: bias };
  });
}
