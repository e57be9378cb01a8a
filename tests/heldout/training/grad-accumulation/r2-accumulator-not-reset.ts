// Held-out wrong variant: the gradient accumulators are created once outside the step loop and never zeroed between optimizer steps (forgotten zero_grad).
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  return tf.tidy(() => {
    let Wc: tf.Tensor = W.clone();
    let bc: tf.Tensor = b.clone();
    let gW: tf.Tensor = tf.zerosLike(W);
    let gb: tf.Tensor = tf.zerosLike(b);
    for (const micro of steps) {
      const N = micro.reduce((acc, mb) => acc + mb.x.shape[0], 0);
      for (const { x, y } of micro) {
        const res = tf.sub(tf.add(tf.matMul(x, Wc as tf.Tensor2D), bc), y);
        gW = tf.add(gW, tf.mul(tf.matMul(x, res, true, false), 2 / N));
        gb = tf.add(gb, tf.mul(tf.sum(res, 0), 2 / N));
      }
      Wc = tf.sub(Wc, tf.mul(gW, lr));
      bc = tf.sub(bc, tf.mul(gb, lr));
    }
    return { W: Wc, b: bc };
  });
}
