// Held-out wrong variant: discounts before adding the current reward (G_t = gamma * (r_t + G_{t+1})), so every reward-to-go carries one extra factor of gamma.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const r = rewards.arraySync() as number[][];
  const N = r.length;
  const T = r[0].length;
  const G: number[][] = [];
  for (let n = 0; n < N; n++) {
    const g = new Array<number>(T).fill(0);
    let run = 0;
    for (let t = T - 1; t >= 0; t--) {
      run = gamma * (r[n][t] + run);
      g[t] = run;
    }
    G.push(g);
  }
  return tf.tidy(() => {
    const adv = tf.tensor2d(G, [N, T]).sub(baselines);
    return logProbs.mul(adv).sum().div(N).neg() as tf.Scalar;
  });
}
