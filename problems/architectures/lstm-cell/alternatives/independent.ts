import * as tf from '@tensorflow/tfjs';

// Independent solution: explicit scalar loops over arraySync() data (float64 in JS),
// with a numerically stable logistic sigmoid; results are packed back into float32 tensors.

function sigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

export function lstm(
  x: tf.Tensor3D,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  b: tf.Tensor1D,
): { outputs: tf.Tensor3D; h: tf.Tensor2D; c: tf.Tensor2D } {
  const [B, T, D] = x.shape;
  const H = h0.shape[1];
  const X = x.arraySync();
  const Wx = wx.arraySync();
  const Wh = wh.arraySync();
  const bias = b.arraySync();
  const hCur = h0.arraySync().map((r) => r.slice());
  const cCur = c0.arraySync().map((r) => r.slice());

  const out = new Float32Array(B * T * H);
  for (let n = 0; n < B; n++) {
    let h = hCur[n];
    let c = cCur[n];
    for (let t = 0; t < T; t++) {
      const xt = X[n][t];
      const z = new Array<number>(4 * H);
      for (let j = 0; j < 4 * H; j++) {
        let s = bias[j];
        for (let d = 0; d < D; d++) s += xt[d] * Wx[d][j];
        for (let k = 0; k < H; k++) s += h[k] * Wh[k][j];
        z[j] = s;
      }
      const hNew = new Array<number>(H);
      const cNew = new Array<number>(H);
      for (let k = 0; k < H; k++) {
        const i = sigmoid(z[k]);
        const f = sigmoid(z[H + k]);
        const g = Math.tanh(z[2 * H + k]);
        const o = sigmoid(z[3 * H + k]);
        cNew[k] = f * c[k] + i * g;
        hNew[k] = o * Math.tanh(cNew[k]);
        out[(n * T + t) * H + k] = hNew[k];
      }
      h = hNew;
      c = cNew;
    }
    hCur[n] = h;
    cCur[n] = c;
  }

  return {
    outputs: tf.tensor3d(out, [B, T, H], 'float32'),
    h: tf.tensor2d(hCur, [B, H], 'float32'),
    c: tf.tensor2d(cCur, [B, H], 'float32'),
  };
}
