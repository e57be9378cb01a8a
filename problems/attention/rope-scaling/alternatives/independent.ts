import * as tf from '@tensorflow/tfjs';

/** Rotate-half RoPE with linear or NTK context extension; angles built in JS, rotation vectorised. */
export function scaledRope(x: tf.Tensor4D, offset: number, base: number, scale: number, method: 'linear' | 'ntk'): tf.Tensor4D {
  const [, , T, d] = x.shape;
  const half = d / 2;
  const effBase = method === 'ntk' ? base * Math.pow(scale, d / (d - 2)) : base;
  const posDiv = method === 'linear' ? scale : 1;
  const cosArr = new Float32Array(T * d);
  const sinArr = new Float32Array(T * d);
  for (let j = 0; j < T; j++) {
    const p = (offset + j) / posDiv;
    for (let i = 0; i < half; i++) {
      const theta = p * Math.pow(effBase, (-2 * i) / d);
      const c = Math.cos(theta);
      const s = Math.sin(theta);
      cosArr[j * d + i] = c;
      cosArr[j * d + i + half] = c;
      sinArr[j * d + i] = s;
      sinArr[j * d + i + half] = s;
    }
  }
  return tf.tidy(() => {
    const cos = tf.tensor2d(cosArr, [T, d]);
    const sin = tf.tensor2d(sinArr, [T, d]);
    const [x1, x2] = tf.split(x, 2, 3);
    const rot = tf.concat([tf.neg(x2), x1], 3);
    return tf.add(tf.mul(x, cos), tf.mul(rot, sin)) as tf.Tensor4D;
  });
}
