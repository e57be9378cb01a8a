// Held-out wrong variant: the memory mask is read with the opposite convention, so tokens marked 1/true (real) get the large negative score and padding tokens are attended to.
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

function project(t: number[][], w: number[][], bias: number[]): number[][] {
  return t.map((row) => bias.map((bj, j) => row.reduce((s, xi, i) => s + xi * w[i][j], bj)));
}

export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  const xs = x.arraySync() as number[][][];
  const ms = memory.arraySync() as number[][][];
  const mask = memoryMask ? (memoryMask.cast('float32').arraySync() as number[][]) : null;
  const wq = params.wq.arraySync() as number[][];
  const wk = params.wk.arraySync() as number[][];
  const wv = params.wv.arraySync() as number[][];
  const wo = params.wo.arraySync() as number[][];
  const bq = params.bq.arraySync() as number[];
  const bk = params.bk.arraySync() as number[];
  const bv = params.bv.arraySync() as number[];
  const bo = params.bo.arraySync() as number[];
  const dModel = wq.length;
  const dHead = dModel / numHeads;
  const out: number[][][] = [];
  for (let bi = 0; bi < xs.length; bi++) {
    const Q = project(xs[bi], wq, bq);
    const K = project(ms[bi], wk, bk);
    const V = project(ms[bi], wv, bv);
    const tk = K.length;
    const concat: number[][] = Q.map(() => new Array(dModel).fill(0));
    for (let h = 0; h < numHeads; h++) {
      const off = h * dHead;
      for (let i = 0; i < Q.length; i++) {
        const s: number[] = [];
        for (let j = 0; j < tk; j++) {
          let dot = 0;
          for (let c = 0; c < dHead; c++) dot += Q[i][off + c] * K[j][off + c];
          let sc = dot / Math.sqrt(dHead);
          if (mask && mask[bi][j] > 0) sc = -1e9;
          s.push(sc);
        }
        const mx = Math.max(...s);
        const e = s.map((z) => Math.exp(z - mx));
        const sum = e.reduce((a, c) => a + c, 0);
        for (let j = 0; j < tk; j++) {
          const wgt = e[j] / sum;
          for (let c = 0; c < dHead; c++) concat[i][off + c] += wgt * V[j][off + c];
        }
      }
    }
    out.push(project(concat, wo, bo));
  }
  return tf.tensor3d(out);
}
