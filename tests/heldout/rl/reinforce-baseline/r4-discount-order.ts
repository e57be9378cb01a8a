// Held-out wrong variant: the backward reward-to-go update is G ← γ·(G + r_t) instead of G ← r_t + γ·G, so the immediate reward is discounted too.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  return tf.tidy(() => {
    const [N, T] = rewards.shape;
    const cols = tf.unstack(rewards, 1);
    const rtg: tf.Tensor[] = new Array(T);
    let running: tf.Tensor = tf.zeros([N]);
    for (let t = T - 1; t >= 0; t--) {
      running = tf.mul(gamma, tf.add(running, cols[t]));
      rtg[t] = running;
    }
    const G = tf.stack(rtg, 1);
    const weighted = tf.mul(logProbs, tf.sub(G, baselines));
    return tf.neg(tf.div(tf.sum(weighted), N)) as tf.Scalar;
  });
}
