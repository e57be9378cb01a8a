// Held-out wrong variant: reads the done flag of the next step (done_{t+1}, treating dones as "s_t starts a new episode") instead of done_t.
import * as tf from '@tensorflow/tfjs';

export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  const r = rewards.arraySync();
  const v = values.arraySync();
  const d = dones.arraySync();
  const [N, T] = rewards.shape;
  const adv: number[][] = [];
  const ret: number[][] = [];
  for (let n = 0; n < N; n++) {
    const a = new Array<number>(T).fill(0);
    let next = 0; // A_{t+1}, with A_T = 0
    for (let t = T - 1; t >= 0; t--) {
      const notDone = 1 - (t + 1 < T ? d[n][t + 1] : 0);
      const delta = r[n][t] + gamma * v[n][t + 1] * notDone - v[n][t];
      next = delta + gamma * lam * notDone * next;
      a[t] = next;
    }
    adv.push(a);
    ret.push(a.map((x, t) => x + v[n][t]));
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
