import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  const returns = r.map((row) => {
    const g = new Array<number>(T);
    // Bug: accumulates the rewards already received (past), not the ones still to come.
    let running = 0;
    for (let t = 0; t < T; t++) {
      running = row[t] + gamma * running;
      g[t] = running;
    }
    return g;
  });
  return tf.tidy(() => {
    const advantages = tf.tensor2d(returns, [N, T]).sub(baselines);
    return logProbs.mul(advantages).sum().div(N).neg() as tf.Scalar;
  });
}
