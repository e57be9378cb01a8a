// Held-out wrong variant: the value projection adds the key bias bk instead of bv (copy-paste slip between the K and V projections).
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const [b, tq, dModel] = x.shape;
    const tk = memory.shape[1];
    const dHead = dModel / numHeads;
    const proj = (t: tf.Tensor, w: tf.Tensor, bias: tf.Tensor, len: number) =>
      tf.add(tf.matMul(t.reshape([b * len, dModel]), w), bias).reshape([b, len, dModel]);
    const split = (t: tf.Tensor, len: number) => t.reshape([b, len, numHeads, dHead]).transpose([0, 2, 1, 3]);
    const q = split(proj(x, params.wq, params.bq, tq), tq);
    const k = split(proj(memory, params.wk, params.bk, tk), tk);
    const v = split(proj(memory, params.wv, params.bk, tk), tk);
    let scores = tf.matMul(q, k, false, true).div(Math.sqrt(dHead));
    if (memoryMask) {
      const m = memoryMask.cast('float32').reshape([b, 1, 1, tk]);
      scores = scores.add(tf.sub(1, m).mul(-1e9));
    }
    const weights = tf.softmax(scores, -1);
    const heads = tf.matMul(weights, v);
    const merged = heads.transpose([0, 2, 1, 3]).reshape([b * tq, dModel]);
    return tf.add(tf.matMul(merged, params.wo), params.bo).reshape([b, tq, dModel]);
  });
}
