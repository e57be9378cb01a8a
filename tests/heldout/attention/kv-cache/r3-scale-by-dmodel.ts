// Held-out wrong variant: the scores are scaled by 1/sqrt(dModel) (the embedding width) instead of 1/sqrt(dk) (the key width).
import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const scale = 1 / Math.sqrt(dModel);
    const project = (start: number, len: number, w: tf.Tensor2D) => {
      const chunk = x.slice([0, start, 0], [-1, len, -1]).reshape([b * len, dModel]) as tf.Tensor2D;
      return tf.matMul(chunk, w).reshape([b, len, w.shape[1]]);
    };
    // prefill: causal attention within the prompt
    const qp = project(0, prefill, weights.wq);
    let kCache = project(0, prefill, weights.wk);
    let vCache = project(0, prefill, weights.wv);
    const future = tf.sub(1, tf.linalg.bandPart(tf.ones([prefill, prefill]), -1, 0));
    const scores = tf.matMul(qp, kCache, false, true).mul(scale).add(future.mul(-1e9));
    const outputs: tf.Tensor[] = [tf.matMul(tf.softmax(scores), vCache)];
    // decoding steps, one token at a time
    for (let i = prefill; i < t; i++) {
      const qi = project(i, 1, weights.wq);
      kCache = tf.concat([kCache, project(i, 1, weights.wk)], 1);
      vCache = tf.concat([vCache, project(i, 1, weights.wv)], 1);
      const s = tf.matMul(qi, kCache, false, true).mul(scale);
      outputs.push(tf.matMul(tf.softmax(s), vCache));
    }
    return tf.concat(outputs, 1) as tf.Tensor3D;
  });
}
