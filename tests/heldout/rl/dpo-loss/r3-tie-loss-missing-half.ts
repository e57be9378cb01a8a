// Held-out wrong variant: The tie loss is -(log sigma(z) + log sigma(-z)) without the factor 1/2.
import * as tf from '@tensorflow/tfjs';

function logSigmoid(x: number): number {
  // -softplus(-x), stable for large |x|
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  const pc = policyChosenLogps.arraySync();
  const pr = policyRejectedLogps.arraySync();
  const rc = refChosenLogps.arraySync();
  const rr = refRejectedLogps.arraySync();
  const tie = ties ? (ties.arraySync() as unknown as (number | boolean)[]).map((t) => Number(t) !== 0) : pc.map(() => false);
  const B = pc.length;
  const chosen: number[] = [];
  const rejected: number[] = [];
  let lossSum = 0;
  let correct = 0;
  let counted = 0;
  for (let i = 0; i < B; i++) {
    const c = beta * (pc[i] - rc[i]);
    const r = beta * (pr[i] - rr[i]);
    chosen.push(c);
    rejected.push(r);
    const z = c - r;
    if (tie[i]) {
      lossSum += -(logSigmoid(z) + logSigmoid(-z));
    } else {
      lossSum += -logSigmoid(z);
      counted++;
      if (z > 0) correct++;
    }
  }
  return {
    loss: tf.scalar(lossSum / B),
    rewardsChosen: tf.tensor1d(chosen),
    rewardsRejected: tf.tensor1d(rejected),
    accuracy: tf.scalar(counted > 0 ? correct / counted : 0),
  };
}
