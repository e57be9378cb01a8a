// Held-out wrong variant: flips the sign of the sine terms (rotates clockwise).
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const [b, heads, t, d] = x.shape;
  const half = d / 2;
  const xs = x.arraySync() as number[][][][];
  const cos: number[][] = [];
  const sin: number[][] = [];
  for (let j = 0; j < t; j++) {
    const p = offset + j;
    cos.push([]);
    sin.push([]);
    for (let i = 0; i < half; i++) {
      const theta = Math.pow(base, (-2 * i) / d);
      cos[j].push(Math.cos(p * theta));
      sin[j].push(Math.sin(p * theta));
    }
  }
  const out: number[][][][] = [];
  for (let bi = 0; bi < b; bi++) {
    const ob: number[][][] = [];
    for (let h = 0; h < heads; h++) {
      const oh: number[][] = [];
      for (let j = 0; j < t; j++) {
        const row = xs[bi][h][j];
        const o = new Array<number>(d);
        for (let i = 0; i < half; i++) {
          const x1 = row[i];
          const x2 = row[i + half];
          o[i] = x1 * cos[j][i] + x2 * sin[j][i];
          o[i + half] = x2 * cos[j][i] - x1 * sin[j][i];
        }
        oh.push(o);
      }
      ob.push(oh);
    }
    out.push(ob);
  }
  return tf.tensor4d(out, [b, heads, t, d], 'float32');
}
