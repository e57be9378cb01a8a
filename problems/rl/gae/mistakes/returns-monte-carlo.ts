import * as tf from '@tensorflow/tfjs';

// rewards: [N, T], values: [N, T + 1] (values[:, T] is the bootstrap value), dones: [N, T] 0/1.
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
    const a = new Array<number>(T);
    let next = 0; // A_{t+1}
    for (let t = T - 1; t >= 0; t--) {
      // done[t] = 1: the episode ended with reward r[t]; nothing after it belongs to this episode.
      const notDone = 1 - d[n][t];
      const delta = r[n][t] + gamma * v[n][t + 1] * notDone - v[n][t];
      next = delta + gamma * lam * notDone * next;
      a[t] = next;
    }
    adv.push(a);
    // Bug: returns are the bootstrapped discounted reward sum, not A_t + V_t (the λ-return).
    const g = new Array<number>(T);
    let running = v[n][T];
    for (let t = T - 1; t >= 0; t--) {
      running = r[n][t] + gamma * (1 - d[n][t]) * running;
      g[t] = running;
    }
    ret.push(g);
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
