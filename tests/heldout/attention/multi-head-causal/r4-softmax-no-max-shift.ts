// Held-out wrong variant: the softmax is computed as exp(s) / sum(exp(s)) without subtracting the row maximum, so large scores overflow to Infinity/NaN.
import * as tf from '@tensorflow/tfjs';

function matmul(a: number[][], w: number[][]): number[][] {
  return a.map((row) => w[0].map((_, j) => row.reduce((s, v, i) => s + v * w[i][j], 0)));
}

export function multiHeadAttention(
  x: tf.Tensor,
  weights: { wq: tf.Tensor; wk: tf.Tensor; wv: tf.Tensor; wo: tf.Tensor },
  nHeads: number,
  causal: boolean,
): tf.Tensor {
  const X = x.arraySync() as number[][][];
  const wq = weights.wq.arraySync() as number[][];
  const wk = weights.wk.arraySync() as number[][];
  const wv = weights.wv.arraySync() as number[][];
  const wo = weights.wo.arraySync() as number[][];
  const dModel = wq.length;
  const dHead = dModel / nHeads;
  const result = X.map((seq) => {
    const Q = matmul(seq, wq);
    const K = matmul(seq, wk);
    const V = matmul(seq, wv);
    const t = seq.length;
    const concat = seq.map(() => new Array(dModel).fill(0));
    for (let h = 0; h < nHeads; h++) {
      const c0 = h * dHead;
      for (let i = 0; i < t; i++) {
        const last = causal ? i : t - 1;
        const e: number[] = [];
        let sum = 0;
        for (let j = 0; j <= last; j++) {
          let dot = 0;
          for (let c = c0; c < c0 + dHead; c++) dot += Q[i][c] * K[j][c];
          const ex = Math.exp(dot / Math.sqrt(dHead));
          e.push(ex);
          sum += ex;
        }
        for (let j = 0; j <= last; j++) {
          for (let c = c0; c < c0 + dHead; c++) concat[i][c] += (e[j] / sum) * V[j][c];
        }
      }
    }
    return matmul(concat, wo);
  });
  return tf.tensor3d(result);
}
