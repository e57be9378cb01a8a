import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    // Bug: log Σ exp(z) without the row max: Infinity when a logit overflows exp, −Infinity when
    // every logit of the row underflows it, so log p = z − lse is ∓Infinity and p = exp(log p) is 0 or Infinity.
    const lse = tf.log(tf.exp(logits).sum(-1, true));
    const logp = logits.sub(lse);
    const loss = logp.mul(onehot).sum().neg().div(N);
    const dlogits = tf.exp(logp).sub(onehot).div(N);
    return { loss, dlogits };
  });
}
