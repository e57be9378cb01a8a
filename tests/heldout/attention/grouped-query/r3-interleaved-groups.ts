// Held-out wrong variant: query head h is mapped to kv head h % nKvHeads (interleaved 0,1,0,1) instead of floor(h / groupSize) (contiguous groups).
import * as tf from '@tensorflow/tfjs';

export function groupedQueryAttention(q: tf.Tensor4D, k: tf.Tensor4D, v: tf.Tensor4D, causal: boolean): tf.Tensor4D {
  return tf.tidy(() => {
    const [, nHeads, tq, d] = q.shape;
    const nKvHeads = k.shape[1];
    const tk = k.shape[2];
    const kvIndex = Array.from({ length: nHeads }, (_, h) => h % nKvHeads);
    const kRep = tf.gather(k, kvIndex, 1);
    const vRep = tf.gather(v, kvIndex, 1);
    let scores = tf.matMul(q, kRep, false, true).div(Math.sqrt(d));
    if (causal) {
      const allowed = tf.linalg.bandPart(tf.ones([tq, tk]), -1, 0);
      scores = scores.add(tf.sub(1, allowed).mul(-1e9));
    }
    return tf.matMul(tf.softmax(scores, -1), vRep) as tf.Tensor4D;
  });
}
