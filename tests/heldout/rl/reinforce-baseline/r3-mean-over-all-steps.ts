// Held-out wrong variant: The loss averages over all N*T elements (mean over time too) instead of summing over time and averaging over episodes.
import * as tf from '@tensorflow/tfjs';

export function reinforceLoss(logProbs: tf.Tensor2D, rewards: tf.Tensor2D, baselines: tf.Tensor2D, gamma: number): tf.Scalar {
  return tf.tidy(() => {
    const [N, T] = rewards.shape;
    const cols: tf.Tensor[] = new Array(T);
    let G: tf.Tensor = tf.zeros([N, 1]);
    for (let t = T - 1; t >= 0; t--) {
      G = rewards.slice([0, t], [N, 1]).add(G.mul(gamma));
      cols[t] = G;
    }
    const returns = tf.concat(cols, 1);
    const weighted = logProbs.mul(returns.sub(baselines));
    return weighted.mean().neg() as tf.Scalar;
  });
}
