// Held-out wrong variant: the bias gradient sums the residuals over all axes (examples and outputs) into one scalar shared by every output, instead of summing over the example axis only.
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
    const N = micro.reduce((acc, mb) => acc + mb.x.shape[0], 0);
    const [nW, nb] = tf.tidy(() => {
      let gW: tf.Tensor = tf.zerosLike(Wc);
      let gb: tf.Tensor = tf.zerosLike(bc);
      for (const mb of micro) {
        const r = mb.x.matMul(Wc).add(bc).sub(mb.y);
        gW = gW.add(mb.x.transpose().matMul(r));
        gb = gb.add(r.sum());
      }
      return [Wc.sub(gW.mul((2 / N) * lr)), bc.sub(gb.mul((2 / N) * lr))];
    });
    Wc.dispose();
    bc.dispose();
    Wc = nW;
    bc = nb;
  }
  return { W: Wc, b: bc };
}
