// Held-out wrong variant: discounts each reward by gamma^k from the start of the episode instead of gamma^(k-t) from the current step.
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
      G = r[n][t] * Math.pow(gamma, t) + G; // discounted from step 0
      total += lp[n][t] * (G - b[n][t]);
    }
  }
  return tf.scalar(-total / N);
}
