import * as tf from '@tensorflow/tfjs';

// rewards, behaviorProbs, targetProbs, mask: [N, T]; mask marks the valid prefix of each trajectory.
export function offPolicyEval(
  rewards: tf.Tensor2D,
  behaviorProbs: tf.Tensor2D,
  targetProbs: tf.Tensor2D,
  mask: tf.Tensor2D,
  gamma: number,
): { ordinary: tf.Scalar; weighted: tf.Scalar; perDecision: tf.Scalar; weights: tf.Tensor1D } {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  const mu = behaviorProbs.arraySync();
  const pi = targetProbs.arraySync();
  const m = mask.arraySync();
  const weights: number[] = [];
  let weightedReturns = 0;
  let perDecision = 0;
  for (let i = 0; i < N; i++) {
    let rho = 1; // ρ_{0:t}, the ratio of the prefix up to and including step t
    let ret = 0;
    let discount = 1;
    for (let t = 0; t < T; t++) {
      // Bug: the mask is ignored — padded steps enter the ratio and the return.
      rho *= pi[i][t] / mu[i][t];
      ret += discount * r[i][t];
      perDecision += discount * rho * r[i][t];
      discount *= gamma;
    }
    weights.push(rho);
    weightedReturns += rho * ret;
  }
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    ordinary: tf.scalar(weightedReturns / N),
    weighted: tf.scalar(total > 0 ? weightedReturns / total : 0),
    perDecision: tf.scalar(perDecision / N),
    weights: tf.tensor1d(weights),
  };
}
