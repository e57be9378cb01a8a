import * as tf from '@tensorflow/tfjs';

// Forward view, literally: for each t build every m-step return G^(m)_t, m = 1..H_t, then combine.
export function tdTargets(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  n: number,
  lam: number,
): { nStep: tf.Tensor2D; lambdaReturn: tf.Tensor2D; monteCarlo: tf.Tensor2D } {
  const r = rewards.arraySync();
  const v = values.arraySync();
  const d = dones.arraySync();
  const [N, T] = rewards.shape;
  const nStep: number[][] = [];
  const lambdaReturn: number[][] = [];
  const monteCarlo: number[][] = [];
  for (let i = 0; i < N; i++) {
    const ns = new Array<number>(T).fill(0);
    const lr = new Array<number>(T).fill(0);
    const mc = new Array<number>(T).fill(0);
    for (let t = 0; t < T; t++) {
      const H = T - t;
      const G: number[] = new Array(H + 1).fill(0); // G[m], m = 1..H
      let partial = 0;
      let disc = 1;
      let ended = false;
      for (let m = 1; m <= H; m++) {
        if (!ended) {
          const j = m - 1;
          partial += disc * r[i][t + j];
          disc *= gamma;
          if (d[i][t + j] === 1) ended = true;
        }
        G[m] = ended ? partial : partial + disc * v[i][t + m];
      }
      ns[t] = G[Math.min(n, H)];
      mc[t] = G[H];
      let acc = 0;
      let w = 1; // λ^{k−1}
      for (let k = 1; k < H; k++) {
        acc += (1 - lam) * w * G[k];
        w *= lam;
      }
      acc += w * G[H];
      lr[t] = acc;
    }
    nStep.push(ns);
    lambdaReturn.push(lr);
    monteCarlo.push(mc);
  }
  return {
    nStep: tf.tensor2d(nStep, [N, T], 'float32'),
    lambdaReturn: tf.tensor2d(lambdaReturn, [N, T], 'float32'),
    monteCarlo: tf.tensor2d(monteCarlo, [N, T], 'float32'),
  };
}
