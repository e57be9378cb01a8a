import * as tf from '@tensorflow/tfjs';

// logProbs, rewards, baselines: [N, T] float32 (N episodes of T steps each).
export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  const returns = r.map((row) => {
    const g = new Array<number>(T);
    let running = 0;
    for (let t = T - 1; t >= 0; t--) {
      // Bug: the weight is stored before r_t is added, so step t sees only the rewards after it.
      g[t] = running;
      running = row[t] + gamma * running;
    }
    return g;
  });
  return tf.tidy(() => {
    const advantages = tf.tensor2d(returns, [N, T]).sub(baselines);
    return logProbs.mul(advantages).sum().div(N).neg() as tf.Scalar;
  });
}
