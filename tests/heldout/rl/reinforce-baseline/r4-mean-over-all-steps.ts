// Held-out wrong variant: the loss averages over all N·T elements (tf.mean) instead of summing over time and averaging over episodes only.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync() as number[][];
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
    const adv = tf.sub(tf.tensor2d(G, [N, T]), baselines);
    return tf.neg(tf.mean(tf.mul(logProbs, adv))) as tf.Scalar;
  });
}
