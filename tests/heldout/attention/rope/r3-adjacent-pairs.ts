// Held-out wrong variant: features are rotated in adjacent pairs (2i, 2i+1) (GPT-J style) instead of the rotate-half pairs (i, i + dHead/2).
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const [b, heads, t, d] = x.shape;
  const half = d / 2;
  const data = x.dataSync();
  const out = new Float32Array(data.length);
  for (let bh = 0; bh < b * heads; bh++) {
    for (let j = 0; j < t; j++) {
      const pos = offset + j;
      const row = (bh * t + j) * d;
      for (let i = 0; i < half; i++) {
        const theta = Math.pow(base, (-2 * i) / d);
        const c = Math.cos(pos * theta);
        const s = Math.sin(pos * theta);
        const a = data[row + 2 * i];
        const bb = data[row + 2 * i + 1];
        out[row + 2 * i] = a * c - bb * s;
        out[row + 2 * i + 1] = bb * c + a * s;
      }
    }
  }
  return tf.tensor4d(out, [b, heads, t, d]);
}
