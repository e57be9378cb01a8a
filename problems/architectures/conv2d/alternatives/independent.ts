import * as tf from '@tensorflow/tfjs';

/**
 * Direct (loop) convolution over the flat typed-array data: no padding tensor is built, out-of-range
 * taps are simply skipped (they would multiply a padding zero).
 */
export function conv2d(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  b: tf.Tensor1D,
  stride: [number, number],
  padding: [number, number],
  dilation: [number, number],
  groups: number,
): tf.Tensor4D {
  const [N, C, H, W] = x.shape;
  const [Cout, Cg, kH, kW] = w.shape;
  const [sH, sW] = stride;
  const [pH, pW] = padding;
  const [dH, dW] = dilation;
  const Ho = Math.floor((H + 2 * pH - dH * (kH - 1) - 1) / sH) + 1;
  const Wo = Math.floor((W + 2 * pW - dW * (kW - 1) - 1) / sW) + 1;
  const outPerGroup = Cout / groups;

  const xd = x.dataSync();
  const wd = w.dataSync();
  const bd = b.dataSync();
  const out = new Float32Array(N * Cout * Ho * Wo);

  for (let n = 0; n < N; n++) {
    for (let o = 0; o < Cout; o++) {
      const g = Math.floor(o / outPerGroup);
      const outBase = (n * Cout + o) * Ho * Wo;
      for (let y = 0; y < Ho; y++) {
        for (let xo = 0; xo < Wo; xo++) {
          let acc = 0;
          for (let c = 0; c < Cg; c++) {
            const inC = g * Cg + c;
            const xBase = (n * C + inC) * H * W;
            const wBase = (o * Cg + c) * kH * kW;
            for (let i = 0; i < kH; i++) {
              const r = y * sH + i * dH - pH;
              if (r < 0 || r >= H) continue;
              for (let j = 0; j < kW; j++) {
                const q = xo * sW + j * dW - pW;
                if (q < 0 || q >= W) continue;
                acc += wd[wBase + i * kW + j] * xd[xBase + r * W + q];
              }
            }
          }
          out[outBase + y * Wo + xo] = acc + bd[o];
        }
      }
    }
  }
  return tf.tensor4d(out, [N, Cout, Ho, Wo], 'float32');
}
