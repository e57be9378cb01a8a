// Held-out wrong variant: the k3 KL term uses d = log π_new − log π_ref instead of d = log π_ref − log π_new.
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
  const n = lpNew.length;
  let surr = 0;
  let kl = 0;
  let clippedCount = 0;
  for (let i = 0; i < n; i++) {
    const r = Math.exp(lpNew[i] - lpOld[i]);
    const rc = Math.min(Math.max(r, 1 - clipEps), 1 + clipEps);
    surr += Math.min(r * adv[i], rc * adv[i]);
    const d = lpNew[i] - lpRef[i];
    kl += Math.exp(d) - d - 1;
    if (Math.abs(r - 1) > clipEps) clippedCount++;
  }
  const approxKl = kl / n;
  return {
    loss: tf.scalar(-surr / n + klCoef * approxKl),
    clipFraction: tf.scalar(clippedCount / n),
    approxKl: tf.scalar(approxKl),
  };
}
