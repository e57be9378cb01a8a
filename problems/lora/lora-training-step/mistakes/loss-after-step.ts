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
    const dy = err.mul(2 / err.size); // dL/dy: [n, dOut]
    // Both gradients use the parameters from before the step.
    const dB = tf.matMul(h, dy, true, false).mul(s); // [r, dOut]
    const dA = tf.matMul(x, tf.matMul(dy, b, false, true), true, false).mul(s); // [dIn, r]
    const a2 = a.sub(dA.mul(lr));
    const b2 = b.sub(dB.mul(lr));
    // Bug: reports the loss after the step instead of the loss the gradients were computed from.
    const after = tf.matMul(x, w).add(tf.matMul(tf.matMul(x, a2), b2).mul(s)).sub(target).square().mean();
    return [a2, b2, after];
  });
  const lossValue = loss.dataSync()[0];
  loss.dispose();
  // Only A and B are trainable; the base weight is returned untouched.
  return { a: newA, b: newB, w: w.clone(), loss: lossValue, trainableParams: dIn * r + r * dOut };
}
