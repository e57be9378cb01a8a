// Held-out wrong variant: returns +(1/N) sum log pi * (G - b) instead of its negative (gradient ascent objective used as a loss).
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
      run = r[n][t] + gamma * run;
      g[t] = run;
    }
    G.push(g);
  }
  return tf.tidy(() => {
    const adv = tf.tensor2d(G, [N, T]).sub(baselines);
    return logProbs.mul(adv).sum().div(N) as tf.Scalar;
  });
}
