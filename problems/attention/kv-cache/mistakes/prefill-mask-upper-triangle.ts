import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const dk = weights.wq.shape[1];
    const project = (chunk: tf.Tensor3D, w: tf.Tensor2D) =>
      tf.matMul(chunk.reshape([-1, dModel]), w).reshape([b, chunk.shape[1], w.shape[1]]) as tf.Tensor3D;

    // Prefill: the prompt as one causal chunk.
    const prompt = x.slice([0, 0, 0], [b, prefill, dModel]);
    let kCache = project(prompt, weights.wk);
    let vCache = project(prompt, weights.wv);
    const qPrompt = project(prompt, weights.wq);
    let scores = tf.matMul(qPrompt, kCache, false, true).div(Math.sqrt(dk)); // [b, p, p]
    // Bug: upper triangle, so prompt token r sees tokens r..p-1 (the future) instead of 0..r.
    const mask = tf.linalg.bandPart(tf.ones([prefill, prefill]), 0, -1);
    scores = scores.add(tf.sub(1, mask).mul(-1e9));
    const outputs: tf.Tensor[] = [tf.matMul(tf.softmax(scores, -1), vCache)];

    // Decoding: one token per step, appended to the cache before attending.
    for (let i = prefill; i < t; i++) {
      const token = x.slice([0, i, 0], [b, 1, dModel]);
      const q = project(token, weights.wq);
      kCache = tf.concat([kCache, project(token, weights.wk)], 1);
      vCache = tf.concat([vCache, project(token, weights.wv)], 1);
      const stepScores = tf.matMul(q, kCache, false, true).div(Math.sqrt(dk)); // [b, 1, len]
      outputs.push(tf.matMul(tf.softmax(stepScores, -1), vCache));
    }
    return tf.concat(outputs, 1) as tf.Tensor3D;
  });
}
