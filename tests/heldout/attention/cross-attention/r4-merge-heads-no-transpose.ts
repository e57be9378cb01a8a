// Held-out wrong variant: after attention the [b, H, tq, dHead] head outputs are reshaped straight to [b, tq, dModel] without first moving the head axis back behind the time axis.
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
    const linear = (t: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) => tf.add(tf.matMul(t.reshape([-1, dModel]), w), bias);
    const q = linear(x, params.wq, params.bq).reshape([b, tq, numHeads, dHead]).transpose([0, 2, 1, 3]);
    const k = linear(memory, params.wk, params.bk).reshape([b, tk, numHeads, dHead]).transpose([0, 2, 1, 3]);
    const v = linear(memory, params.wv, params.bv).reshape([b, tk, numHeads, dHead]).transpose([0, 2, 1, 3]);
    let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(dHead));
    if (memoryMask) {
      const keep = memoryMask.cast('bool').reshape([b, 1, 1, tk]).tile([1, numHeads, tq, 1]);
      scores = tf.where(keep, scores, tf.fill(scores.shape, -1e9));
    }
    const attn = tf.matMul(tf.softmax(scores), v); // [b, H, tq, dHead]
    const merged = attn.reshape([b * tq, dModel]);
    return linear(merged, params.wo, params.bo).reshape([b, tq, dModel]);
  });
}
