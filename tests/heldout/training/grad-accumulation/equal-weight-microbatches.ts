// Held-out wrong variant: averages the per-micro-batch mean gradients with equal weight, ignoring that micro-batches have different sizes.
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
    const [nextW, nextB] = tf.tidy(() => {
      let gW: tf.Tensor = tf.zerosLike(curW);
      let gB: tf.Tensor = tf.zerosLike(curB);
      let N = 0;
      for (const { x, y } of micro) {
        const r = tf.sub(tf.add(tf.matMul(x, curW as tf.Tensor2D), curB), y); // [n, dout]
        gW = tf.add(gW, tf.mul(2 / x.shape[0], tf.matMul(x, r, true, false)));
        gB = tf.add(gB, tf.mul(2 / x.shape[0], tf.sum(r, 0)));
        N += 1;
      }
      const newW = tf.sub(curW, tf.mul(lr / N, gW));
      const newB = tf.sub(curB, tf.mul(lr / N, gB));
      return [newW, newB];
    });
    curW.dispose();
    curB.dispose();
    curW = nextW;
    curB = nextB;
  }
  return { W: curW, b: curB };
}
