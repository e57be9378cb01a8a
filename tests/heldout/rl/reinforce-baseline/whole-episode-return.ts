// Held-out wrong variant: weights every step by the whole episode's discounted return G_0 instead of the reward-to-go G_t.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const lp = logProbs.arraySync();
  const r = rewards.arraySync();
  const b = baselines.arraySync();
  const [N, T] = logProbs.shape;
  let total = 0;
  for (let n = 0; n < N; n++) {
    let G = 0;
    for (let t = T - 1; t >= 0; t--) G = r[n][t] + gamma * G; // G_0, the episode return
    for (let t = T - 1; t >= 0; t--) {
      total += lp[n][t] * (G - b[n][t]);
    }
  }
  return tf.scalar(-total / N);
}
