// Held-out wrong variant: the (1 − done_t) mask is applied to the bootstrap value in δ_t but not to the recursion, so A_{t+1} from the next episode leaks into A_t.
import * as tf from '@tensorflow/tfjs';

export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  const r = rewards.arraySync() as number[][];
  const v = values.arraySync() as number[][];
  const d = dones.arraySync() as number[][];
  const N = r.length;
  const T = rewards.shape[1];
  const adv: number[][] = [];
  const ret: number[][] = [];
  for (let n = 0; n < N; n++) {
    const a = new Array<number>(T).fill(0);
    let next = 0;
    for (let t = T - 1; t >= 0; t--) {
      const notDone = 1 - d[n][t];
      const delta = r[n][t] + gamma * v[n][t + 1] * notDone - v[n][t];
      next = delta + gamma * lam * next;
      a[t] = next;
    }
    adv.push(a);
    ret.push(a.map((x, t) => x + v[n][t]));
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
