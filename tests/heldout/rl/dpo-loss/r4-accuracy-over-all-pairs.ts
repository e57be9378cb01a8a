// Held-out wrong variant: accuracy divides the number of non-tie pairs with z > 0 by the full batch size B instead of by the number of non-tie pairs.
import * as tf from '@tensorflow/tfjs';

export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  const pc = policyChosenLogps.arraySync() as number[];
  const pr = policyRejectedLogps.arraySync() as number[];
  const rc = refChosenLogps.arraySync() as number[];
  const rr = refRejectedLogps.arraySync() as number[];
  const tieArr = ties ? (ties.arraySync() as (number | boolean)[]).map((t) => Number(t) !== 0) : pc.map(() => false);
  const B = pc.length;
  const logSig = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
  const chosen: number[] = [];
  const rejected: number[] = [];
  let total = 0;
  let correct = 0;
  for (let i = 0; i < B; i++) {
    const c = beta * (pc[i] - rc[i]);
    const r = beta * (pr[i] - rr[i]);
    chosen.push(c);
    rejected.push(r);
    const z = c - r;
    if (tieArr[i]) {
      total += -0.5 * (logSig(z) + logSig(-z));
    } else {
      total += -logSig(z);
      if (z > 0) correct++;
    }
  }
  return {
    loss: tf.scalar(total / B),
    rewardsChosen: tf.tensor1d(chosen),
    rewardsRejected: tf.tensor1d(rejected),
    accuracy: tf.scalar(correct / B),
  };
}
