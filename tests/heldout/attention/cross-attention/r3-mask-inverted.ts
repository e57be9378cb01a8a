// Held-out wrong variant: the padding-mask test is inverted, so memory tokens marked 1/true (real) get the large negative score and the padded ones are attended to.
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor;
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

function toRows(t: tf.Tensor): number[][] {
  return t.arraySync() as number[][];
}

function project(rows: number[][], w: number[][], bias: number[]): number[][] {
  const dIn = w.length;
  const dOut = bias.length;
  return rows.map((r) => {
    const out = bias.slice();
    for (let i = 0; i < dIn; i++) {
      const ri = r[i];
      for (let j = 0; j < dOut; j++) out[j] += ri * w[i][j];
    }
    return out;
  });
}

export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  const X = x.arraySync() as number[][][];
  const Mem = memory.arraySync() as number[][][];
  const mask = memoryMask ? (memoryMask.cast('float32').arraySync() as number[][]) : null;
  const wq = toRows(params.wq), wk = toRows(params.wk), wv = toRows(params.wv), wo = toRows(params.wo);
  const bq = params.bq.arraySync() as number[];
  const bk = params.bk.arraySync() as number[];
  const bv = params.bv.arraySync() as number[];
  const bo = params.bo.arraySync() as number[];
  const [b, tq, dModel] = x.shape;
  const tk = memory.shape[1];
  const dHead = dModel / numHeads;
  const scale = 1 / Math.sqrt(dHead);
  const result: number[][][] = [];
  for (let bi = 0; bi < b; bi++) {
    const Q = project(X[bi], wq, bq);
    const K = project(Mem[bi], wk, bk);
    const V = project(Mem[bi], wv, bv);
    const concat: number[][] = Array.from({ length: tq }, () => new Array(dModel).fill(0));
    for (let h = 0; h < numHeads; h++) {
      const off = h * dHead;
      for (let i = 0; i < tq; i++) {
        const s = new Array(tk);
        let mx = -Infinity;
        for (let j = 0; j < tk; j++) {
          let dot = 0;
          for (let f = 0; f < dHead; f++) dot += Q[i][off + f] * K[j][off + f];
          let score = dot * scale;
          if (mask && mask[bi][j]) score = -1e9;
          s[j] = score;
          if (score > mx) mx = score;
        }
        let sum = 0;
        for (let j = 0; j < tk; j++) {
          s[j] = Math.exp(s[j] - mx);
          sum += s[j];
        }
        for (let j = 0; j < tk; j++) {
          const wgt = s[j] / sum;
          for (let f = 0; f < dHead; f++) concat[i][off + f] += wgt * V[j][off + f];
        }
      }
    }
    result.push(project(concat, wo, bo));
  }
  return tf.tensor3d(result, [b, tq, dModel]);
}
