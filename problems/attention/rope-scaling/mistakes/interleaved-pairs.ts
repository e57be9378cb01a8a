import * as tf from '@tensorflow/tfjs';

// Bug: rotates adjacent features (2i, 2i+1) together (GPT-J layout) instead of (i, i + dHead/2).
export function scaledRope(x: tf.Tensor4D, offset: number, base: number, scale: number, method: 'linear' | 'ntk'): tf.Tensor4D {
  const [b, h, t, d] = x.shape;
  const effectiveBase = method === 'ntk' ? base * Math.pow(scale, d / (d - 2)) : base;
  const positionScale = method === 'linear' ? 1 / scale : 1;
  const cosTable: number[] = [];
  const sinTable: number[] = [];
  for (let j = 0; j < t; j++) {
    for (let i = 0; i < d / 2; i++) {
      const angle = (offset + j) * positionScale * Math.pow(effectiveBase, (-2 * i) / d);
      cosTable.push(Math.cos(angle));
      sinTable.push(Math.sin(angle));
    }
  }
  return tf.tidy(() => {
    const cos = tf.tensor3d(cosTable, [t, d / 2, 1]);
    const sin = tf.tensor3d(sinTable, [t, d / 2, 1]);
    const pairs = x.reshape([b, h, t, d / 2, 2]);
    const [even, odd] = tf.split(pairs, 2, -1);
    const outEven = even.mul(cos).sub(odd.mul(sin));
    const outOdd = odd.mul(cos).add(even.mul(sin));
    return tf.concat([outEven, outOdd], -1).reshape([b, h, t, d]) as tf.Tensor4D;
  });
}
