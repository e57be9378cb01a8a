// Held-out wrong variant: numbers positions from offset + 1 instead of offset (off by one in the position index).
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  return tf.tidy(() => {
    const [, , t, d] = x.shape;
    const half = d / 2;
    const invFreq = Array.from({ length: half }, (_, i) => Math.pow(base, (-2 * i) / d));
    const angles: number[] = [];
    for (let j = 0; j < t; j++) {
      const p = offset + j + 1;
      const row = invFreq.map((f) => p * f);
      angles.push(...row, ...row);
    }
    const ang = tf.tensor2d(angles, [t, d]);
    const cos = tf.cos(ang);
    const sin = tf.sin(ang);
    const x1 = tf.slice(x, [0, 0, 0, 0], [-1, -1, -1, half]);
    const x2 = tf.slice(x, [0, 0, 0, half], [-1, -1, -1, half]);
    const rotated = tf.concat([tf.neg(x2), x1], -1);
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  });
}
