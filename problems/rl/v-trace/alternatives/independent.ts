import * as tf from '@tensorflow/tfjs';

/**
 * V-trace targets and policy-gradient advantages, computed with explicit backward loops
 * over plain JS arrays (double precision), one rollout at a time.
 */
export function vtrace(
  behaviorLogProbs: tf.Tensor2D,
  targetLogProbs: tf.Tensor2D,
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  rhoBar: number,
  cBar: number,
): { vs: tf.Tensor2D; pgAdvantages: tf.Tensor2D } {
  const [N, T] = behaviorLogProbs.shape;
  const mu = behaviorLogProbs.arraySync();
  const pi = targetLogProbs.arraySync();
  const r = rewards.arraySync();
  const V = values.arraySync();
  const d = dones.arraySync();

  const vsOut: number[][] = [];
  const advOut: number[][] = [];
  for (let n = 0; n < N; n++) {
    const vsRow = new Array<number>(T).fill(0);
    const advRow = new Array<number>(T).fill(0);
    // correction (v_{t+1} - V(x_{t+1})) carried backwards; zero at t = T
    let nextCorr = 0;
    for (let t = T - 1; t >= 0; t--) {
      const ratio = Math.exp(pi[n][t] - mu[n][t]);
      const rho = Math.min(rhoBar, ratio);
      const c = Math.min(cBar, ratio);
      const g = gamma * (1 - d[n][t]);
      const vNext = V[n][t + 1];
      const delta = rho * (r[n][t] + g * vNext - V[n][t]);
      const corr = delta + g * c * nextCorr;
      vsRow[t] = V[n][t] + corr;
      const vsNext = vNext + nextCorr; // v_{t+1}, equals V(x_T) at t = T-1
      advRow[t] = rho * (r[n][t] + g * vsNext - V[n][t]);
      nextCorr = corr;
    }
    vsOut.push(vsRow);
    advOut.push(advRow);
  }
  return {
    vs: tf.tensor2d(vsOut, [N, T], 'float32'),
    pgAdvantages: tf.tensor2d(advOut, [N, T], 'float32'),
  };
}
