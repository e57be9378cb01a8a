// Held-out wrong variant: averages the loss over the non-tie pairs only (ties still add their symmetric term to the sum).
import * as tf from '@tensorflow/tfjs';

function logSigmoid(z: number): number {
  return -(Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z))));
}

export function dpoLoss(
  policyChosenLogps: tf.Tensor1D,
  policyRejectedLogps: tf.Tensor1D,
  refChosenLogps: tf.Tensor1D,
  refRejectedLogps: tf.Tensor1D,
  beta: number,
  ties?: tf.Tensor1D,
): { loss: tf.Scalar; rewardsChosen: tf.Tensor1D; rewardsRejected: tf.Tensor1D; accuracy: tf.Scalar } {
  const pc = policyChosenLogps.dataSync();
  const pr = policyRejectedLogps.dataSync();
  const rc = refChosenLogps.dataSync();
  const rr = refRejectedLogps.dataSync();
  const tie = ties ? ties.dataSync() : null; // bool tensors read as 0/1
  const B = pc.length;

  const chosen: number[] = [];
  const rejected: number[] = [];
  let lossSum = 0;
  let nonTie = 0;
  let correct = 0;
  for (let i = 0; i < B; i++) {
    const rChosen = beta * (pc[i] - rc[i]);
    const rRejected = beta * (pr[i] - rr[i]);
    chosen.push(rChosen);
    rejected.push(rRejected);
    const z = rChosen - rRejected;
    const isTie = tie !== null && Number(tie[i]) !== 0;
    if (isTie) {
      lossSum += -0.5 * (logSigmoid(z) + logSigmoid(-z));
    } else {
      lossSum += -logSigmoid(z);
      nonTie++;
      if (z > 0) correct++;
    }
  }
  return {
    loss: tf.scalar(lossSum / Math.max(nonTie, 1)),
    rewardsChosen: tf.tensor1d(chosen),
    rewardsRejected: tf.tensor1d(rejected),
    accuracy: tf.scalar(nonTie === 0 ? 0 : correct / nonTie),
  };
}
