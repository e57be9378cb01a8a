import * as tf from '@tensorflow/tfjs';

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
    const [, c] = x.shape;
    const [cOut] = w.shape;
    const [ph, pw] = padding;
    const xp = tf.pad(x, [[0, 0], [0, 0], [ph, ph], [pw, pw]]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
    const cg = c / groups;
    const og = cOut / groups;
    const outs: tf.Tensor4D[] = [];
    for (let g = 0; g < groups; g++) {
      const xg = xp.slice([0, 0, 0, g * cg], [-1, -1, -1, cg]);
      const wg = w.slice([g * og, 0, 0, 0], [og, -1, -1, -1]).transpose([2, 3, 1, 0]) as tf.Tensor4D;
      outs.push(tf.conv2d(xg, wg, stride, 'valid', 'NHWC', dilation));
    }
    return tf.concat(outs, 3).transpose([0, 3, 1, 2]).add(b.reshape([1, cOut, 1, 1])) as tf.Tensor4D;
  });
}
