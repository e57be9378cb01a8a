import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    // Bug: per-class sigmoids (binary cross-entropy) instead of a softmax over the classes.
    const logSig = tf.logSigmoid(logits);
    const logOneMinus = tf.logSigmoid(logits.neg());
    const loss = onehot.mul(logSig).add(tf.onesLike(onehot).sub(onehot).mul(logOneMinus)).sum().neg().div(N);
    const dlogits = tf.sigmoid(logits).sub(onehot).div(N);
    return { loss, dlogits };
  });
}
