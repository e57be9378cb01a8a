// Held-out wrong variant: the forward pass scales the adapter by alpha / r but the hand-derived gradients for A and B leave out that factor s.
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
    const loss = tf.mean(tf.square(err));
    const dy = tf.mul(err, 2 / (n * dOut));
    const dB = tf.matMul(h, dy, true, false);
    const dH = tf.matMul(dy, b, false, true);
    const dA = tf.matMul(x, dH, true, false);
    return { a: tf.sub(a, tf.mul(dA, lr)), b: tf.sub(b, tf.mul(dB, lr)), loss };
  });
  const loss = out.loss.dataSync()[0];
  out.loss.dispose();
  return { a: out.a as tf.Tensor2D, b: out.b as tf.Tensor2D, w: w.clone(), loss, trainableParams: a.size + b.size };
}
