import * as tf from '@tensorflow/tfjs';

// x: [N, C, H, W], w: [Cout, C / groups, kH, kW], b: [Cout] -> [N, Cout, Ho, Wo]
export function conv2d(
  x: tf.Tensor4D,
  w: tf.Tensor4D,
  b: tf.Tensor1D,
  stride: [number, number],
  padding: [number, number],
  dilation: [number, number],
  groups: number,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, c, h, wd] = x.shape;
    const [cOut, cg, kh, kw] = w.shape;
    const [sh, sw] = stride;
    const [ph, pw] = padding;
    const [dh, dw] = dilation;
    const ho = Math.floor((h + 2 * ph - dh * (kh - 1) - 1) / sh) + 1;
    const wo = Math.floor((wd + 2 * pw - dw * (kw - 1) - 1) / sw) + 1;
    const xp = tf.pad(x, [[0, 0], [0, 0], [ph, ph], [pw, pw]]);
    // One strided view of the padded input per kernel tap (i, j): [N, C, Ho, Wo].
    const taps: tf.Tensor4D[] = [];
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const top = i * dh;
        const left = j * dw;
        taps.push(tf.stridedSlice(xp, [0, 0, top, left], [n, c, top + sh * (ho - 1) + 1, left + sw * (wo - 1) + 1], [1, 1, sh, sw]) as tf.Tensor4D);
      }
    }
    // im2col: [N, C, kH·kW, Ho·Wo] -> [N, groups, cg·kH·kW, Ho·Wo] (channel-major, then tap: w's own order).
    const cols = tf.stack(taps, 2).reshape([n, cg, groups, kh * kw, ho * wo]).transpose([0, 2, 1, 3, 4]).reshape([n, groups, cg * kh * kw, ho * wo]);
    const wg = w.reshape([1, groups, cOut / groups, cg * kh * kw]).tile([n, 1, 1, 1]);
    const out = tf.matMul(wg, cols).reshape([n, cOut, ho, wo]);
    return out.add(b.reshape([1, cOut, 1, 1])) as tf.Tensor4D;
  });
}
