// Held-out wrong variant: the frequencies are theta_i = base^(-i / dHead) instead of base^(-2i / dHead) (the factor 2 in the exponent is dropped).
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  return tf.tidy(() => {
    const [, , t, d] = x.shape;
    const half = d / 2;
    const ang: number[][] = [];
    for (let j = 0; j < t; j++) {
      const row: number[] = [];
      for (let i = 0; i < half; i++) row.push((offset + j) * Math.pow(base, -i / d));
      ang.push(row);
    }
    const angles = tf.tensor2d(ang, [t, half]);
    const cos = angles.cos();
    const sin = angles.sin();
    const x1 = x.slice([0, 0, 0, 0], [-1, -1, -1, half]);
    const x2 = x.slice([0, 0, 0, half], [-1, -1, -1, half]);
    const out1 = x1.mul(cos).sub(x2.mul(sin));
    const out2 = x2.mul(cos).add(x1.mul(sin));
    return tf.concat([out1, out2], 3);
  });
}
