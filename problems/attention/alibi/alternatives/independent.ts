import * as tf from '@tensorflow/tfjs';

function slopes(H: number): number[] {
  const powerOfTwo = (n: number) => Array.from({ length: n }, (_, h) => Math.pow(2, (-8 * (h + 1)) / n));
  let n = 1;
  while (n * 2 <= H) n *= 2;
  if (n === H) return powerOfTwo(H);
  const out = powerOfTwo(n);
  for (let j = 0; j < H - n; j++) out.push(Math.pow(2, (-8 * (2 * j + 1)) / (2 * n)));
  return out;
}

/** Loop-based ALiBi attention over arraySync() data, with a max-subtracted softmax. */
export function alibiAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D): tf.Tensor4D {
  const [B, H, T, D] = q.shape;
  const Q = q.arraySync();
  const K = k.arraySync();
  const V = v.arraySync();
  const m = slopes(H);
  const scale = 1 / Math.sqrt(D);
  const out: number[][][][] = [];
  for (let b = 0; b < B; b++) {
    const ob: number[][][] = [];
    for (let h = 0; h < H; h++) {
      const oh: number[][] = [];
      for (let i = 0; i < T; i++) {
        const s: number[] = [];
        let mx = -Infinity;
        for (let j = 0; j <= i; j++) {
          let dot = 0;
          for (let d = 0; d < D; d++) dot += Q[b][h][i][d] * K[b][h][j][d];
          const val = dot * scale - m[h] * (i - j);
          s.push(val);
          if (val > mx) mx = val;
        }
        let z = 0;
        const w = s.map((x) => {
          const e = Math.exp(x - mx);
          z += e;
          return e;
        });
        const row = new Array(D).fill(0);
        for (let j = 0; j <= i; j++) {
          const p = w[j] / z;
          for (let d = 0; d < D; d++) row[d] += p * V[b][h][j][d];
        }
        oh.push(row);
      }
      ob.push(oh);
    }
    out.push(ob);
  }
  return tf.tensor4d(out, [B, H, T, D], 'float32');
}
