// Held-out wrong variant: B is updated first and the gradient for A is then computed with the already-updated B instead of the B from before the step.
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
  return tf.tidy(() => {
    const n = x.shape[0];
    const dOut = w.shape[1];
    const s = alpha / a.shape[1];
    const h = x.matMul(a);
    const pred = x.matMul(w).add(h.matMul(b).mul(s));
    const diff = pred.sub(target);
    const loss = diff.square().sum().div(n * dOut).dataSync()[0];
    const g = diff.mul(2 / (n * dOut));
    // step B
    const gradB = h.transpose().matMul(g).mul(s);
    const bNew = b.sub(gradB.mul(lr)) as tf.Tensor2D;
    // step A
    const gradA = x.transpose().matMul(g.matMul(bNew.transpose())).mul(s);
    const aNew = a.sub(gradA.mul(lr)) as tf.Tensor2D;
    return { a: aNew, b: bNew, w: w.clone(), loss, trainableParams: a.size + b.size };
  });
}
