import * as tf from '@tensorflow/tfjs';

// Explicit backward loops per row over host data.
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
  const lp = logProbs.arraySync();
  const ref = refLogProbs.arraySync();
  const s = scores.arraySync();
  const v = values.arraySync();
  const m = responseMask.arraySync();
  const [B, T] = logProbs.shape;

  const rew: number[][] = [];
  const adv: number[][] = [];
  const ret: number[][] = [];
  const lengths: number[] = [];
  for (let b = 0; b < B; b++) {
    let L = 0;
    while (L < T && m[b][L] !== 0) L++;
    lengths.push(L);
    const rRow = new Array<number>(T).fill(0);
    const aRow = new Array<number>(T).fill(0);
    const gRow = new Array<number>(T).fill(0);
    for (let t = 0; t < L; t++) {
      rRow[t] = -beta * (lp[b][t] - ref[b][t]);
      if (t === L - 1) rRow[t] += s[b];
    }
    let next = 0; // A_{t+1}
    for (let t = L - 1; t >= 0; t--) {
      const vNext = t + 1 < L ? v[b][t + 1] : 0;
      const delta = rRow[t] + gamma * vNext - v[b][t];
      next = delta + gamma * lam * next;
      aRow[t] = next;
      gRow[t] = next + v[b][t];
    }
    rew.push(rRow);
    adv.push(aRow);
    ret.push(gRow);
  }

  let outAdv = adv;
  if (whiten) {
    let sum = 0;
    let count = 0;
    for (let b = 0; b < B; b++) for (let t = 0; t < lengths[b]; t++) { sum += adv[b][t]; count++; }
    const mean = sum / count;
    let sq = 0;
    for (let b = 0; b < B; b++) for (let t = 0; t < lengths[b]; t++) sq += (adv[b][t] - mean) ** 2;
    const denom = Math.sqrt(sq / count + 1e-8);
    outAdv = adv.map((row, b) => row.map((a, t) => (t < lengths[b] ? (a - mean) / denom : 0)));
  }

  return {
    rewards: tf.tensor2d(rew, [B, T], 'float32'),
    advantages: tf.tensor2d(outAdv, [B, T], 'float32'),
    returns: tf.tensor2d(ret, [B, T], 'float32'),
  };
}
