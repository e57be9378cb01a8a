import * as tf from '@tensorflow/tfjs';

export function gae(rewards: tf.Tensor2D, values: tf.Tensor2D, dones: tf.Tensor2D, gamma: number, lam: number) {
  const r = rewards.arraySync();
  const v = values.arraySync();
  const d = dones.arraySync();
  const [N, T] = rewards.shape;
  const adv: number[][] = [];
  const ret: number[][] = [];
  for (let n = 0; n < N; n++) {
    const a = new Array<number>(T);
    let next = 0;
    for (let t = T - 1; t >= 0; t--) {
      const notDone = 1 - d[n][t];
      // Bug: the bootstrap value of the next episode's first state leaks into δ at an episode end.
      const delta = r[n][t] + gamma * v[n][t + 1] - v[n][t];
      next = delta + gamma * lam * notDone * next;
      a[t] = next;
    }
    adv.push(a);
    ret.push(a.map((x, t) => x + v[n][t]));
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
