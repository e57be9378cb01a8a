// Held-out wrong variant: takes an SGD step after every micro-batch (on its own mean loss) instead of one accumulated step per optimizer step.
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
    for (const { x, y } of micro) {
      const [nextW, nextB] = tf.tidy(() => {
        const r = tf.sub(tf.add(tf.matMul(x, curW as tf.Tensor2D), curB), y); // [n, dout]
        const gW = tf.mul(2, tf.matMul(x, r, true, false));
        const gB = tf.mul(2, tf.sum(r, 0));
        const N = x.shape[0];
        const newW = tf.sub(curW, tf.mul(lr / N, gW));
        const newB = tf.sub(curB, tf.mul(lr / N, gB));
        return [newW, newB];
      });
      curW.dispose();
      curB.dispose();
      curW = nextW;
      curB = nextB;
    }
  }
  return { W: curW, b: curB };
}
