// Held-out wrong variant: the softmax-backward correction Σ dP⊙P is summed over the query axis (axis -2) instead of the key axis.
import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  const d = q.shape[q.shape.length - 1];
  const invSqrtD = 1 / Math.sqrt(d);
  return tf.tidy(() => {
    const scores = tf.matMul(q, k, false, true).mul(invSqrtD);
    const probs = tf.softmax(scores, -1);
    const dv = tf.matMul(probs, dOut, true, false);
    const dProbs = tf.matMul(dOut, v, false, true);
    const corr = dProbs.mul(probs).sum(-2, true);
    const dScores = probs.mul(dProbs.sub(corr));
    const dq = tf.matMul(dScores, k).mul(invSqrtD);
    const dk = tf.matMul(dScores, q, true, false).mul(invSqrtD);
    return { dq, dk, dv };
  });
}
