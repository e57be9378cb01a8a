// Held-out wrong variant: dL/dY is taken as (Y − T)/(n·dOut), dropping the factor 2 from the derivative of the squared error, so both gradients are half their true size.
import * as tf from '@tensorflow/tfjs';

export async function loraTrainingStep(
  x: tf.Tensor2D,
  target: tf.Tensor2D,
  w: tf.Tensor2D,
  a: tf.Tensor2D,
  b: tf.Tensor2D,
  lr: number,
  alpha: number,
) {
  const r = a.shape[1];
  const s = alpha / r;
  const [n, dOut] = target.shape;
  const { newA, newB, lossT } = tf.tidy(() => {
    const h = tf.matMul(x, a);
    const y = tf.matMul(x, w).add(tf.matMul(h, b).mul(s));
    const err = y.sub(target);
    const lossT = err.square().mean();
    const dY = err.div(n * dOut);
    const dB = tf.matMul(h, dY, true, false).mul(s);
    const dA = tf.matMul(x, tf.matMul(dY, b, false, true), true, false).mul(s);
    return {
      newA: a.sub(dA.mul(lr)) as tf.Tensor2D,
      newB: b.sub(dB.mul(lr)) as tf.Tensor2D,
      lossT,
    };
  });
  const loss = (await lossT.data())[0];
  lossT.dispose();
  return { a: newA, b: newB, w: w.clone(), loss, trainableParams: a.size + b.size };
}
