// Held-out wrong variant: averages the per-micro-batch mean gradients with equal weight (divides by the number of micro-batches) instead of weighting each by its size n_m / N.
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  let Wc: tf.Tensor = W.clone();
  let bc: tf.Tensor = b.clone();
  for (const micro of steps) {
    const next = tf.tidy(() => {
      let gW: tf.Tensor = tf.zerosLike(Wc);
      let gb: tf.Tensor = tf.zerosLike(bc);
      for (const { x, y } of micro) {
        const n = x.shape[0];
        const r = tf.sub(tf.add(tf.matMul(x, Wc), bc), y);
        gW = gW.add(tf.matMul(x, r, true, false).mul(2 / n));
        gb = gb.add(tf.sum(r, 0).mul(2 / n));
      }
      const k = micro.length;
      return { W: Wc.sub(gW.div(k).mul(lr)), b: bc.sub(gb.div(k).mul(lr)) };
    });
    Wc.dispose();
    bc.dispose();
    Wc = next.W;
    bc = next.b;
  }
  return { W: Wc, b: bc };
}
