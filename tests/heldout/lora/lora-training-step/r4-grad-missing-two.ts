// Held-out wrong variant: dL/dY is taken as (Y − T)/(n·dOut), dropping the factor 2 from differentiating the square.
import * as tf from '@tensorflow/tfjs';

export function loraTrainingStep(
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
  const dIn = x.shape[1];
  const res = tf.tidy(() => {
    const h = tf.matMul(x, a);
    const y = tf.add(tf.matMul(x, w), tf.mul(tf.matMul(h, b), s));
    const err = tf.sub(y, target);
    const loss = tf.div(tf.sum(tf.square(err)), n * dOut);
    const dY = tf.div(err, n * dOut);
    const dB = tf.mul(tf.matMul(h, dY, true, false), s);
    const dA = tf.mul(tf.matMul(x, tf.matMul(dY, b, false, true), true, false), s);
    return {
      a: tf.sub(a, tf.mul(dA, lr)) as tf.Tensor2D,
      b: tf.sub(b, tf.mul(dB, lr)) as tf.Tensor2D,
      loss,
    };
  });
  const loss = res.loss.dataSync()[0];
  res.loss.dispose();
  return { a: res.a, b: res.b, w: w.clone(), loss, trainableParams: dIn * r + r * dOut };
}
