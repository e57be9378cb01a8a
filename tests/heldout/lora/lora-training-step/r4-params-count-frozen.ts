// Held-out wrong variant: trainableParams also counts the frozen base weight W (dIn·dOut + dIn·r + r·dOut) instead of only the adapter's dIn·r + r·dOut.
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
  const [dIn, r] = a.shape;
  const dOut = b.shape[1];
  const n = x.shape[0];
  const scale = alpha / r;
  const h = x.matMul(a);
  const pred = x.matMul(w).add(h.matMul(b).mul(scale));
  const diff = pred.sub(target);
  const lossT = diff.square().mean();
  const dPred = diff.mul(2 / (n * dOut));
  const gradB = h.transpose().matMul(dPred).mul(scale);
  const gradA = x.transpose().matMul(dPred.matMul(b.transpose())).mul(scale);
  const newA = a.sub(gradA.mul(lr)) as tf.Tensor2D;
  const newB = b.sub(gradB.mul(lr)) as tf.Tensor2D;
  const loss = (await lossT.data())[0];
  tf.dispose([h, pred, diff, lossT, dPred, gradB, gradA]);
  return {
    a: newA,
    b: newB,
    w: w.clone(),
    loss,
    trainableParams: dIn * dOut + dIn * r + r * dOut,
  };
}
