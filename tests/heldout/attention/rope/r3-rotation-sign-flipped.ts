// Held-out wrong variant: the rotation is clockwise: +sin on the first half and -sin on the second half instead of -sin on the first and +sin on the second.
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  return tf.tidy(() => {
    const [, , t, d] = x.shape;
    const half = d / 2;
    const invFreq = tf.pow(base, tf.range(0, half).mul(-2 / d)); // [half]
    const positions = tf.range(offset, offset + t).reshape([t, 1]);
    const angles = positions.mul(invFreq.reshape([1, half])); // [t, half]
    const cos = tf.concat([angles, angles], 1).cos();
    const sin = tf.concat([angles, angles], 1).sin();
    const x1 = x.slice([0, 0, 0, 0], [-1, -1, -1, half]);
    const x2 = x.slice([0, 0, 0, half], [-1, -1, -1, half]);
    const rotated = tf.concat([x2, x1.neg()], -1);
    return x.mul(cos).add(rotated.mul(sin));
  });
}
