// Held-out wrong variant: the last step of a truncated rollout bootstraps from 0 instead of the bootstrap value values[:, T].
import * as tf from '@tensorflow/tfjs';

export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  return tf.tidy(() => {
    const [N, T] = rewards.shape;
    const rCols = tf.unstack(rewards, 1);
    const dCols = tf.unstack(dones, 1);
    const vCols = tf.unstack(values, 1);
    const advCols: tf.Tensor[] = new Array(T);
    let nextAdv: tf.Tensor = tf.zeros([N]);
    for (let t = T - 1; t >= 0; t--) {
      const mask = tf.sub(1, dCols[t]);
      const nextV = t === T - 1 ? tf.zeros([N]) : vCols[t + 1];
      const delta = rCols[t].add(nextV.mul(gamma).mul(mask)).sub(vCols[t]);
      nextAdv = delta.add(nextAdv.mul(gamma * lam).mul(mask));
      advCols[t] = nextAdv;
    }
    const advantages = tf.stack(advCols, 1) as tf.Tensor2D;
    const returns = advantages.add(tf.slice(values, [0, 0], [N, T])) as tf.Tensor2D;
    return { advantages, returns };
  });
}
