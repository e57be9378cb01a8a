import * as tf from '@tensorflow/tfjs';

export interface AttentionWeights {
  wq: tf.Tensor2D; // [dModel, dk]
  wk: tf.Tensor2D; // [dModel, dk]
  wv: tf.Tensor2D; // [dModel, dv]
}

/** Causal attention of `q` ([b, n, dk]) against the whole cache; `q` holds the last n positions. */
function attendToCache(q: tf.Tensor3D, kCache: tf.Tensor3D, vCache: tf.Tensor3D, dModel: number): tf.Tensor3D {
  const n = q.shape[1];
  const len = kCache.shape[1];
  // Bug: scaled by the model width dModel instead of the key width dk.
  let scores = tf.matMul(q, kCache, false, true).div(Math.sqrt(dModel)); // [b, n, len]
  if (n > 1) {
    // Query r sits at position len - n + r and may see keys 0 .. len - n + r.
    const allowed = tf.linalg.bandPart(tf.ones([n, len]), -1, len - n).cast('bool');
    scores = tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -1e9));
  }
  return tf.matMul(tf.softmax(scores, -1), vCache);
}

// x: [b, t, dModel]; tokens 0..prefill-1 arrive together, then one token per step. Returns [b, t, dv].
export function decodeWithKvCache(x: tf.Tensor3D, weights: AttentionWeights, prefill: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, dModel] = x.shape;
    const project = (chunk: tf.Tensor3D, w: tf.Tensor2D) =>
      tf.matMul(chunk.reshape([-1, dModel]), w).reshape([b, chunk.shape[1], w.shape[1]]) as tf.Tensor3D;
    const run = (chunk: tf.Tensor3D, kCache?: tf.Tensor3D, vCache?: tf.Tensor3D) => {
      // Append this chunk's keys and values to the cache first: a token attends to itself.
      const k = project(chunk, weights.wk);
      const v = project(chunk, weights.wv);
      const ks = kCache ? tf.concat([kCache, k], 1) : k;
      const vs = vCache ? tf.concat([vCache, v], 1) : v;
      return { out: attendToCache(project(chunk, weights.wq), ks, vs, dModel), kCache: ks, vCache: vs };
    };
    let state = run(x.slice([0, 0, 0], [b, prefill, dModel]));
    const outputs = [state.out];
    for (let i = prefill; i < t; i++) {
      state = run(x.slice([0, i, 0], [b, 1, dModel]), state.kCache, state.vCache);
      outputs.push(state.out);
    }
    return tf.concat(outputs, 1) as tf.Tensor3D;
  });
}
