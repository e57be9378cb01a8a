import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  const b = baselines.arraySync();
  // Bug: the baseline is subtracted from each reward before the reward-to-go sum, so future
  // baselines are discounted into step t: Σ γ^(k−t) (r_k − b_k) instead of G_t − b_t.
  const weights = r.map((row, n) => {
    const g = new Array<number>(T);
    let running = 0;
    for (let t = T - 1; t >= 0; t--) {
      running = row[t] - b[n][t] + gamma * running;
      g[t] = running;
    }
    return g;
  });
  return tf.tidy(() => logProbs.mul(tf.tensor2d(weights, [N, T])).sum().div(N).neg() as tf.Scalar);
}
