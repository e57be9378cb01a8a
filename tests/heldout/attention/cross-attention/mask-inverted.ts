// Held-out wrong variant: reads the padding mask with the wrong polarity, treating 1/true as padding and 0/false as a real token.
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

function linear(t2: tf.Tensor2D, w: tf.Tensor, bias: tf.Tensor): Float32Array {
  const y = tf.tidy(() => tf.add(tf.matMul(t2, w as tf.Tensor2D), bias));
  const data = y.dataSync() as Float32Array;
  y.dispose();
  return data;
}

export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  const [b, tq, dModel] = x.shape;
  const tk = memory.shape[1] as number;
  const dHead = dModel / numHeads;

  const x2 = tf.reshape(x, [b * tq, dModel]) as tf.Tensor2D;
  const m2 = tf.reshape(memory, [b * tk, dModel]) as tf.Tensor2D;
  const Q = linear(x2, params.wq, params.bq); // [b*tq, dModel] row-major
  const K = linear(m2, params.wk, params.bk); // [b*tk, dModel]
  const V = linear(m2, params.wv, params.bv);
  x2.dispose();
  m2.dispose();

  let keep: boolean[] | null = null;
  if (memoryMask) {
    const md = memoryMask.dataSync(); // works for bool (0/1) and float
    keep = Array.from(md, (val) => Number(val) === 0);
  }

  const scale = 1 / Math.sqrt(dHead);
  const concat = new Float32Array(b * tq * dModel); // heads side by side, same column order
  const p = new Float64Array(tk);
  for (let bi = 0; bi < b; bi++) {
    for (let h = 0; h < numHeads; h++) {
      const off = h * dHead;
      for (let i = 0; i < tq; i++) {
        const qRow = (bi * tq + i) * dModel + off;
        let max = -Infinity;
        for (let j = 0; j < tk; j++) {
          if (keep && !keep[bi * tk + j]) { p[j] = NaN; continue; }
          const kRow = (bi * tk + j) * dModel + off;
          let s = 0;
          for (let c = 0; c < dHead; c++) s += Q[qRow + c] * K[kRow + c];
          p[j] = s * scale;
          if (p[j] > max) max = p[j];
        }
        let sum = 0;
        for (let j = 0; j < tk; j++) {
          p[j] = Number.isNaN(p[j]) ? 0 : Math.exp(p[j] - max);
          sum += p[j];
        }
        const outRow = (bi * tq + i) * dModel + off;
        for (let j = 0; j < tk; j++) {
          if (p[j] === 0) continue;
          const w = p[j] / sum;
          const vRow = (bi * tk + j) * dModel + off;
          for (let c = 0; c < dHead; c++) concat[outRow + c] += w * V[vRow + c];
        }
      }
    }
  }

  return tf.tidy(() => {
    const heads = tf.tensor2d(concat, [b * tq, dModel]);
    const out = tf.add(tf.matMul(heads, params.wo as tf.Tensor2D), params.bo);
    return tf.reshape(out, [b, tq, dModel]);
  });
}
