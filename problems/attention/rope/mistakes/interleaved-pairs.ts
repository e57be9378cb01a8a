import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const [b, h, t, d] = x.shape as [number, number, number, number];
  const half = d / 2;
  const cos: number[] = [];
  const sin: number[] = [];
  for (let j = 0; j < t; j++) {
    for (let i = 0; i < half; i++) {
      const angle = (offset + j) * Math.pow(base, (-2 * i) / d);
      cos.push(Math.cos(angle));
      sin.push(Math.sin(angle));
    }
  }
  return tf.tidy(() => {
    // Bug: GPT-J / RoFormer pairing, features (2i, 2i+1), instead of (i, i + d/2).
    const pairs = x.reshape([b, h, t, half, 2]);
    const [even, odd] = tf.split(pairs, 2, -1); // [b, h, t, half, 1]
    const c = tf.tensor2d(cos, [t, half]).reshape([t, half, 1]);
    const s = tf.tensor2d(sin, [t, half]).reshape([t, half, 1]);
    const outEven = tf.sub(tf.mul(even, c), tf.mul(odd, s));
    const outOdd = tf.add(tf.mul(odd, c), tf.mul(even, s));
    return tf.concat([outEven, outOdd], -1).reshape([b, h, t, d]);
  });
}
