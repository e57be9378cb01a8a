import * as tf from '@tensorflow/tfjs';

// Independent solution: explicit loops over the flat data in plain JS.

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const diff = v - f;
  if (diff < 0.5) return f;
  if (diff > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

function quant(v: number, s: number): number {
  return Math.min(127, Math.max(-127, roundHalfEven(v / s)));
}

export function int8Matmul(
  x: tf.Tensor2D,
  w: tf.Tensor2D,
  threshold: number,
): { out: tf.Tensor2D; outliers: tf.Tensor1D; xScale: tf.Tensor2D; wScale: tf.Tensor2D } {
  const [n, d] = x.shape;
  const m = w.shape[1];
  const X = x.dataSync();
  const W = w.dataSync();

  const isOut = new Int32Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) if (Math.abs(X[i * d + j]) > threshold) isOut[j] = 1;

  const sx = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let mx = 0;
    for (let j = 0; j < d; j++) if (!isOut[j]) mx = Math.max(mx, Math.abs(X[i * d + j]));
    sx[i] = mx === 0 ? 1 : mx / 127;
  }
  const sw = new Float32Array(m);
  for (let k = 0; k < m; k++) {
    let mx = 0;
    for (let j = 0; j < d; j++) if (!isOut[j]) mx = Math.max(mx, Math.abs(W[j * m + k]));
    sw[k] = mx === 0 ? 1 : mx / 127;
  }

  const out = new Float32Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      let intSum = 0;
      let fp = 0;
      for (let j = 0; j < d; j++) {
        const xv = X[i * d + j];
        const wv = W[j * m + k];
        if (isOut[j]) fp += xv * wv;
        else intSum += quant(xv, sx[i]) * quant(wv, sw[k]);
      }
      out[i * m + k] = intSum * sx[i] * sw[k] + fp;
    }
  }
  return {
    out: tf.tensor2d(out, [n, m], 'float32'),
    outliers: tf.tensor1d(isOut, 'int32'),
    xScale: tf.tensor2d(sx, [n, 1], 'float32'),
    wScale: tf.tensor2d(sw, [1, m], 'float32'),
  };
}
