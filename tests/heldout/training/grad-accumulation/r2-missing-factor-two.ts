// Held-out wrong variant: the gradient of the squared error drops the factor 2 (uses X^T r / N instead of 2 X^T r / N).
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
    for (const micro of steps) {
      const N = micro.reduce((acc, mb) => acc + mb.x.shape[0], 0);
      let gW: tf.Tensor = tf.zerosLike(Wc);
      let gb: tf.Tensor = tf.zerosLike(bc);
      for (const { x, y } of micro) {
        const res = tf.sub(tf.add(tf.matMul(x, Wc as tf.Tensor2D), bc), y);
        gW = tf.add(gW, tf.mul(tf.matMul(x, res, true, false), 1 / N));
        gb = tf.add(gb, tf.mul(tf.sum(res, 0), 1 / N));
      }
      Wc = tf.sub(Wc, tf.mul(gW, lr));
      bc = tf.sub(bc, tf.mul(gb, lr));
    }
    return { W: Wc, b: bc };
  });
}
