// Held-out wrong variant: the head outputs [b, H, tq, dHead] are reshaped straight to [b, tq, dModel] without first moving the head axis back behind the time axis, scrambling rows and heads.
import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor;
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
    const qp = tf.add(tf.matMul(x.reshape([b * tq, dModel]), params.wq), params.bq);
    const kp = tf.add(tf.matMul(memory.reshape([b * tk, dModel]), params.wk), params.bk);
    const vp = tf.add(tf.matMul(memory.reshape([b * tk, dModel]), params.wv), params.bv);
    const q = qp.reshape([b, tq, numHeads, dHead]).transpose([0, 2, 1, 3]);
    const k = kp.reshape([b, tk, numHeads, dHead]).transpose([0, 2, 1, 3]);
    const v = vp.reshape([b, tk, numHeads, dHead]).transpose([0, 2, 1, 3]);
    let scores = tf.matMul(q, k, false, true).mul(1 / Math.sqrt(dHead));
    if (memoryMask) {
      const keep = memoryMask.cast('bool').reshape([b, 1, 1, tk]);
      const keepFull = tf.logicalAnd(keep, tf.onesLike(scores).cast('bool'));
      scores = tf.where(keepFull, scores, tf.fill(scores.shape, -1e9));
    }
    const attn = tf.matMul(tf.softmax(scores), v); // [b, H, tq, dHead]
    const merged = attn.reshape([b * tq, dModel]);
    return tf.matMul(merged, params.wo).add(params.bo).reshape([b, tq, dModel]);
  });
}
