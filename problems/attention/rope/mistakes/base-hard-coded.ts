import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const [, , t, d] = x.shape as [number, number, number, number];
  const half = d / 2;
  const cosTable: number[] = [];
  const sinTable: number[] = [];
  for (let j = 0; j < t; j++) {
    for (let c = 0; c < d; c++) {
      const i = c % half;
      // Bug: the base argument is ignored in favour of a hard-coded 10000.
      const angle = (offset + j) * Math.pow(10000, (-2 * i) / d);
      cosTable.push(Math.cos(angle));
      sinTable.push(Math.sin(angle));
    }
  }
  return tf.tidy(() => {
    const cos = tf.tensor2d(cosTable, [t, d]);
    const sin = tf.tensor2d(sinTable, [t, d]);
    const [x1, x2] = tf.split(x, 2, -1);
    const rotated = tf.concat([tf.neg(x2), x1], -1);
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  });
}
