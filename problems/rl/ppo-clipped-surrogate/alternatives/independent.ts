// Style: one plain-JS pass over the flattened elements (dataSync works for any shape), accumulating
// the surrogate, the clip count and the k3 KL; the ratio comes from the log-prob difference.
import * as tf from '@tensorflow/tfjs';

export function ppoLoss(
  logProbsNew: tf.Tensor,
  logProbsOld: tf.Tensor,
  advantages: tf.Tensor,
  refLogProbs: tf.Tensor,
  clipEps: number,
  klCoef: number,
): { loss: tf.Scalar; clipFraction: tf.Scalar; approxKl: tf.Scalar } {
  const lpNew = logProbsNew.dataSync();
  const lpOld = logProbsOld.dataSync();
  const adv = advantages.dataSync();
  const lpRef = refLogProbs.dataSync();
  const N = lpNew.length;

  let surrogateSum = 0;
  let clipped = 0;
  let klSum = 0;
  for (let i = 0; i < N; i++) {
    const ratio = Math.exp(lpNew[i] - lpOld[i]);
    const clippedRatio = Math.min(Math.max(ratio, 1 - clipEps), 1 + clipEps);
    surrogateSum += Math.min(ratio * adv[i], clippedRatio * adv[i]);
    if (Math.abs(ratio - 1) > clipEps) clipped++;
    const d = lpRef[i] - lpNew[i];
    klSum += Math.exp(d) - d - 1;
  }
  const approxKl = klSum / N;
  return {
    loss: tf.scalar(-surrogateSum / N + klCoef * approxKl),
    clipFraction: tf.scalar(clipped / N),
    approxKl: tf.scalar(approxKl),
  };
}
