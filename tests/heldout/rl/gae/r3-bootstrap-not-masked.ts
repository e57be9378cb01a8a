// Held-out wrong variant: delta_t uses gamma * V_{t+1} without the (1 - done_t) mask, so the next episode's (or the bootstrap) value leaks across episode ends; only the A_{t+1} term is masked.
import * as tf from '@tensorflow/tfjs';

export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync() as number[][];
  const v = values.arraySync() as number[][];
  const d = dones.arraySync() as number[][];
  const adv: number[][] = [];
  const ret: number[][] = [];
  for (let n = 0; n < N; n++) {
    const a = new Array<number>(T).fill(0);
    let next = 0;
    for (let t = T - 1; t >= 0; t--) {
      const notDone = 1 - d[n][t];
      const delta = r[n][t] + gamma * v[n][t + 1] - v[n][t];
      next = delta + gamma * lam * notDone * next;
      a[t] = next;
    }
    adv.push(a);
    ret.push(a.map((x, t) => x + v[n][t]));
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
