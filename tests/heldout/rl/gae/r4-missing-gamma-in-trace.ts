// Held-out wrong variant: the advantage recursion decays by λ only, A_t = δ_t + λ(1 − d_t)A_{t+1}, dropping the factor γ.
import * as tf from '@tensorflow/tfjs';

export function gae(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  lam: number,
): { advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  const [N, T] = rewards.shape;
  const r = rewards.dataSync();
  const v = values.dataSync();
  const d = dones.dataSync();
  const adv = new Float32Array(N * T);
  const ret = new Float32Array(N * T);
  for (let n = 0; n < N; n++) {
    let gaeAcc = 0;
    for (let t = T - 1; t >= 0; t--) {
      const live = 1 - d[n * T + t];
      const vt = v[n * (T + 1) + t];
      const vNext = v[n * (T + 1) + t + 1];
      const delta = r[n * T + t] + gamma * vNext * live - vt;
      gaeAcc = delta + lam * live * gaeAcc;
      adv[n * T + t] = gaeAcc;
      ret[n * T + t] = gaeAcc + vt;
    }
  }
  return { advantages: tf.tensor2d(adv, [N, T]), returns: tf.tensor2d(ret, [N, T]) };
}
