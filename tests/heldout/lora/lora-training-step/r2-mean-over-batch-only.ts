// Held-out wrong variant: the loss and dL/dy average over the n examples only (summing over outputs) instead of over all n * dOut entries.
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
  const out = tf.tidy(() => {
    const h = tf.matMul(x, a);
    const y = tf.add(tf.matMul(x, w), tf.mul(tf.matMul(h, b), s));
    const err = tf.sub(y, target);
    const loss = tf.div(tf.sum(tf.square(err)), n);
    const dy = tf.mul(err, 2 / n);
    const dB = tf.mul(tf.matMul(h, dy, true, false), s);
    const dH = tf.mul(tf.matMul(dy, b, false, true), s);
    const dA = tf.matMul(x, dH, true, false);
    return { a: tf.sub(a, tf.mul(dA, lr)), b: tf.sub(b, tf.mul(dB, lr)), loss };
  });
  const loss = out.loss.dataSync()[0];
  out.loss.dispose();
  return { a: out.a as tf.Tensor2D, b: out.b as tf.Tensor2D, w: w.clone(), loss, trainableParams: a.size + b.size };
}
