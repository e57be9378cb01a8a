// Held-out wrong variant: the gradients drop the factor 2 from the derivative of the squared error (uses (1/N)·Xᵀr and (1/N)·Σr).
import * as tf from '@tensorflow/tfjs';

type MicroBatch = { x: tf.Tensor2D; y: tf.Tensor2D };

export function gradAccumulationTrain(
  W: tf.Tensor2D,
  b: tf.Tensor1D,
  steps: MicroBatch[][],
  lr: number,
): { W: tf.Tensor; b: tf.Tensor } {
  let curW: tf.Tensor2D = W.clone();
  let curB: tf.Tensor1D = b.clone();
  for (const micro of steps) {
    const N = micro.reduce((acc, mb) => acc + mb.x.shape[0], 0);
    const next = tf.tidy(() => {
      const gWs: tf.Tensor[] = [];
      const gBs: tf.Tensor[] = [];
      for (const { x, y } of micro) {
        const resid = tf.sub(tf.add(tf.matMul(x, curW), curB), y);
        gWs.push(tf.matMul(x, resid, true, false));
        gBs.push(tf.sum(resid, 0));
      }
      const gW = tf.div(tf.addN(gWs), N);
      const gB = tf.div(tf.addN(gBs), N);
      return { W: tf.sub(curW, tf.mul(lr, gW)) as tf.Tensor2D, b: tf.sub(curB, tf.mul(lr, gB)) as tf.Tensor1D };
    });
    curW.dispose();
    curB.dispose();
    curW = next.W;
    curB = next.b;
  }
  return { W: curW, b: curB };
}
