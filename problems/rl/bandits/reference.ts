import * as tf from '@tensorflow/tfjs';

// means: [K] true success probabilities; rewards: [T, K] 0/1 outcome of pulling arm k at step t;
// uniforms: [T, K, T] draws for Thompson sampling's Beta samples (at step t at most t + 1 are read).
export function bandits(
  means: tf.Tensor1D,
  rewards: tf.Tensor2D,
  uniforms: tf.Tensor3D,
): { ucbArms: tf.Tensor1D; ucbRegret: tf.Tensor1D; tsArms: tf.Tensor1D; tsRegret: tf.Tensor1D } {
  const mu = means.arraySync();
  const R = rewards.arraySync();
  const U = uniforms.arraySync();
  const [T, K] = rewards.shape;
  const best = Math.max(...mu);
  // Lowest index among exact ties: replace only when strictly greater.
  const argmax = (x: number[]) => x.reduce((b, v, k) => (v > x[b] ? k : b), 0);

  // Pseudo-regret: the expected shortfall of each pull, accumulated.
  const regretOf = (arms: number[]) => {
    let total = 0;
    return arms.map((a) => (total += best - mu[a]));
  };

  // UCB1: each arm once in order, then mean_k + sqrt(2 ln t / n_k) with t = pulls so far.
  const ucbArms: number[] = [];
  {
    const pulls = new Array<number>(K).fill(0);
    const wins = new Array<number>(K).fill(0);
    for (let t = 0; t < T; t++) {
      const arm = t < K ? t : argmax(pulls.map((n, k) => wins[k] / n + Math.sqrt((2 * Math.log(t)) / n)));
      pulls[arm]++;
      wins[arm] += R[t][arm];
      ucbArms.push(arm);
    }
  }

  // Thompson sampling with a Beta(1, 1) prior: θ_k ~ Beta(1 + wins, 1 + losses), drawn as the
  // a-th smallest of a + b − 1 uniforms.
  const tsArms: number[] = [];
  {
    const wins = new Array<number>(K).fill(0);
    const losses = new Array<number>(K).fill(0);
    for (let t = 0; t < T; t++) {
      const theta = wins.map((w, k) => {
        const a = 1 + w;
        const b = 1 + losses[k];
        const draws = U[t][k].slice(0, a + b - 1).sort((x, y) => x - y);
        return draws[a - 1];
      });
      const arm = argmax(theta);
      if (R[t][arm]) wins[arm]++;
      else losses[arm]++;
      tsArms.push(arm);
    }
  }

  return {
    ucbArms: tf.tensor1d(ucbArms, 'int32'),
    ucbRegret: tf.tensor1d(regretOf(ucbArms)),
    tsArms: tf.tensor1d(tsArms, 'int32'),
    tsRegret: tf.tensor1d(regretOf(tsArms)),
  };
}
