// Held-out wrong variant: features are paired as adjacent (2i, 2i+1) in GPT-J/RoFormer style instead of by halves (i, i + d/2).
import * as tf from '@tensorflow/tfjs';

export function applyRope(x: tf.Tensor, offset: number, base: number): tf.Tensor {
  const data = x.dataSync();
  const [b, heads, t, d] = x.shape;
  const half = d / 2;
  const out = new Float32Array(data.length);
  for (let bh = 0; bh < b * heads; bh++) {
    for (let j = 0; j < t; j++) {
      const p = offset + j;
      const row = (bh * t + j) * d;
      for (let i = 0; i < half; i++) {
        const theta = Math.pow(base, (-2 * i) / d);
        const c = Math.cos(p * theta);
        const s = Math.sin(p * theta);
        const a = data[row + 2 * i];
        const bb = data[row + 2 * i + 1];
        out[row + 2 * i] = a * c - bb * s;
        out[row + 2 * i + 1] = bb * c + a * s;
      }
    }
  }
  return tf.tensor(out, x.shape, 'float32');
}
