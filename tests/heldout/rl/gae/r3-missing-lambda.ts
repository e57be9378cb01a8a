// Held-out wrong variant: The backward recursion uses A_t = delta_t + gamma * (1 - d_t) * A_{t+1}, dropping the lambda factor.
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
    const notDone = tf.onesLike(dones).sub(dones);
    const vNow = values.slice([0, 0], [N, T]);
    const vNext = values.slice([0, 1], [N, T]);
    const deltas = rewards.add(vNext.mul(notDone).mul(gamma)).sub(vNow);
    const cols: tf.Tensor[] = new Array(T);
    let next: tf.Tensor = tf.zeros([N, 1]);
    for (let t = T - 1; t >= 0; t--) {
      const dt = deltas.slice([0, t], [N, 1]);
      const mt = notDone.slice([0, t], [N, 1]);
      next = dt.add(next.mul(mt).mul(gamma));
      cols[t] = next;
    }
    const advantages = tf.concat(cols, 1) as tf.Tensor2D;
    const returns = advantages.add(vNow) as tf.Tensor2D;
    return { advantages, returns };
  });
}
