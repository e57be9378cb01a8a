// Held-out wrong variant: every step is weighted by the full discounted episode return G_0 instead of the reward-to-go G_t from that step.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const lp = logProbs.arraySync() as number[][];
  const r = rewards.arraySync() as number[][];
  const b = baselines.arraySync() as number[][];
  const N = lp.length;
  let total = 0;
  for (let n = 0; n < N; n++) {
    const T = r[n].length;
    let ret = 0;
    let disc = 1;
    for (let k = 0; k < T; k++) {
      ret += disc * r[n][k];
      disc *= gamma;
    }
    for (let t = 0; t < T; t++) {
      total += lp[n][t] * (ret - b[n][t]);
    }
  }
  return tf.scalar(-total / N);
}
