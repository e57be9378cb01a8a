import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  return tf.tidy(() => {
    let w: tf.Tensor = W;
    let bias: tf.Tensor = b;
    for (const microBatches of steps) {
      const N = microBatches.reduce((n, mb) => n + mb.x.shape[0], 0);
      let gW: tf.Tensor = tf.zerosLike(w);
      let gb: tf.Tensor = tf.zerosLike(bias);
      for (const { x, y } of microBatches) {
        const r = tf.matMul(x, w).sub(y); // Bug: the bias is left out of the prediction
        gW = gW.add(tf.matMul(x, r, true, false).mul(2 / N));
        gb = gb.add(r.sum(0).mul(2 / N));
      }
      w = w.sub(gW.mul(lr));
      bias = bias.sub(gb.mul(lr));
    }
    return { W: w, b: bias };
  });
}
