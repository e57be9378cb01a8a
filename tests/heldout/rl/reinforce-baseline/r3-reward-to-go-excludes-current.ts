// Held-out wrong variant: The log-prob term is accumulated before the reward-to-go is updated, so the weight at step t is sum_{k>t} gamma^(k-t-1) r_k (excludes r_t) instead of sum_{k>=t} gamma^(k-t) r_k.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = logProbs.shape;
  const lp = logProbs.arraySync() as number[][];
  const r = rewards.arraySync() as number[][];
  const b = baselines.arraySync() as number[][];
  let total = 0;
  for (let n = 0; n < N; n++) {
    let G = 0;
    for (let t = T - 1; t >= 0; t--) {
      total += lp[n][t] * (G - b[n][t]);
      G = r[n][t] + gamma * G;
    }
  }
  return tf.scalar(-total / N);
}
