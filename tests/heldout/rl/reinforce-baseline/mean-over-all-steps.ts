// Held-out wrong variant: divides by N·T (a mean over every step) instead of summing over time and averaging over episodes.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const lp = logProbs.arraySync();
  const r = rewards.arraySync();
  const b = baselines.arraySync();
  const [N, T] = logProbs.shape;
  let total = 0;
  for (let n = 0; n < N; n++) {
    let G = 0;
    for (let t = T - 1; t >= 0; t--) {
      G = r[n][t] + gamma * G; // reward-to-go from step t
      total += lp[n][t] * (G - b[n][t]);
    }
  }
  return tf.scalar(-total / (N * T));
}
