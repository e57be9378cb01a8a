import * as tf from '@tensorflow/tfjs';

/** Independent solution: schedule and forward process in plain float64 JS loops. */
export function ddpmForwardLoss(
  x0: tf.Tensor2D,
  t: tf.Tensor1D,
  noise: tf.Tensor2D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  schedule: 'linear' | 'cosine',
  numSteps: number,
): { alphaBar: tf.Tensor1D; xt: tf.Tensor2D; loss: tf.Scalar } {
  const T = numSteps;
  const betas: number[] = [];
  if (schedule === 'linear') {
    for (let i = 0; i < T; i++) betas.push(1e-4 + (0.02 - 1e-4) * (i / (T - 1)));
  } else {
    const s = 0.008;
    const f = (u: number) => {
      const c = Math.cos(((u / T + s) / (1 + s)) * (Math.PI / 2));
      return c * c;
    };
    for (let i = 0; i < T; i++) betas.push(Math.min(1 - f(i + 1) / f(i), 0.999));
  }
  const ab: number[] = [];
  let prod = 1;
  for (let i = 0; i < T; i++) {
    prod *= 1 - betas[i];
    ab.push(prod);
  }

  const X = x0.arraySync();
  const E = noise.arraySync();
  const ts = t.arraySync();
  const W = w.arraySync();
  const bv = b.arraySync();
  const B = X.length;
  const D = B > 0 ? X[0].length : 0;

  const xtArr: number[][] = [];
  let sse = 0;
  for (let i = 0; i < B; i++) {
    const a = ab[ts[i]];
    const sa = Math.sqrt(a);
    const sn = Math.sqrt(1 - a);
    const row: number[] = [];
    for (let j = 0; j < D; j++) row.push(sa * X[i][j] + sn * E[i][j]);
    xtArr.push(row);
    for (let k = 0; k < D; k++) {
      let pred = bv[k];
      for (let j = 0; j < D; j++) pred += row[j] * W[j][k];
      const d = pred - E[i][k];
      sse += d * d;
    }
  }
  const loss = sse / (B * D);

  return {
    alphaBar: tf.tensor1d(ab, 'float32'),
    xt: tf.tensor2d(xtArr, [B, D], 'float32'),
    loss: tf.scalar(loss, 'float32'),
  };
}
