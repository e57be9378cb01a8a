// Held-out wrong variant: the rotation direction is flipped, rotate_half(x) = [x2, -x1], giving +sin on the first half and -sin on the second.
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  return tf.tidy(() => {
    const [, , t, d] = x.shape;
    const half = d / 2;
    const invFreq = tf.pow(base, tf.range(0, half, 1, 'float32').mul(2 / d).neg());
    const pos = tf.range(offset, offset + t, 1, 'float32');
    const angles = tf.outerProduct(pos, invFreq); // [t, d/2]
    const emb = tf.concat([angles, angles], -1); // [t, d]
    const cos = tf.cos(emb);
    const sin = tf.sin(emb);
    const [x1, x2] = tf.split(x, 2, -1);
    const rotated = tf.concat([x2, x1.neg()], -1);
    return x.mul(cos).add(rotated.mul(sin));
  });
}
