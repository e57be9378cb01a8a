import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(W: tf.Tensor2D, b: tf.Tensor1D, steps: MicroBatch[][], lr: number) {
  return tf.tidy(() => {
    let w: tf.Tensor = W;
    let bias: tf.Tensor = b;
    for (const microBatches of steps) {
      for (const { x, y } of microBatches) {
        const n = x.shape[0];
        const r = tf.matMul(x, w).add(bias).sub(y);
        // Bug: updates immediately with this micro-batch's gradient.
        w = w.sub(tf.matMul(x, r, true, false).mul((2 / n) * lr));
        bias = bias.sub(r.sum(0).mul((2 / n) * lr));
      }
    }
    return { W: w, b: bias };
  });
}
