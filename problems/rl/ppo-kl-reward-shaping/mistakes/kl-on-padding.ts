import * as tf from '@tensorflow/tfjs';

// logProbs, refLogProbs, values, responseMask: [B, T]; scores: [B]. Rows are right-padded.
export function ppoRewardShaping(
  logProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D,
  scores: tf.Tensor1D,
  values: tf.Tensor2D,
  responseMask: tf.Tensor2D,
  beta: number,
  gamma: number,
  lam: number,
  whiten: boolean,
): { rewards: tf.Tensor2D; advantages: tf.Tensor2D; returns: tf.Tensor2D } {
  const [B, T] = logProbs.shape;
  const lp = logProbs.arraySync();
  const ref = refLogProbs.arraySync();
  const v = values.arraySync();
  const m = responseMask.arraySync();
  const s = scores.arraySync();
  const rewards = Array.from({ length: B }, () => new Array<number>(T).fill(0));
  const adv = Array.from({ length: B }, () => new Array<number>(T).fill(0));
  const ret = Array.from({ length: B }, () => new Array<number>(T).fill(0));
  for (let b = 0; b < B; b++) {
    // Response length: the mask is a prefix of ones.
    let L = 0;
    while (L < T && m[b][L] > 0) L++;
    // Bug: KL penalty applied on padding positions too
    for (let t = 0; t < T; t++) rewards[b][t] = -beta * (lp[b][t] - ref[b][t]);
    rewards[b][L - 1] += s[b]; // L ≥ 1: every response has a token
    // GAE backwards over the real tokens; the episode ends after token L − 1 (no bootstrap).
    let next = 0;
    for (let t = L - 1; t >= 0; t--) {
      const nextValue = t + 1 < L ? v[b][t + 1] : 0;
      const delta = rewards[b][t] + gamma * nextValue - v[b][t];
      next = delta + gamma * lam * next;
      adv[b][t] = next;
      ret[b][t] = next + v[b][t];
    }
  }
  if (whiten) {
    // Over every real token of the batch: population variance, 1e-8 inside the square root.
    const real: number[] = [];
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) if (m[b][t] > 0) real.push(adv[b][t]);
    const mean = real.reduce((a, x) => a + x, 0) / real.length;
    const variance = real.reduce((a, x) => a + (x - mean) ** 2, 0) / real.length;
    const scale = 1 / Math.sqrt(variance + 1e-8);
    for (let b = 0; b < B; b++) for (let t = 0; t < T; t++) adv[b][t] = m[b][t] > 0 ? (adv[b][t] - mean) * scale : 0;
  }
  return { rewards: tf.tensor2d(rewards), advantages: tf.tensor2d(adv), returns: tf.tensor2d(ret) };
}
