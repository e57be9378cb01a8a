// Held-out wrong variant: the training loop runs steps + 1 updates (loop bound s <= steps) instead of exactly `steps`.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const W1 = tf.variable(params.W1);
  const b1 = tf.variable(params.b1);
  const W2 = tf.variable(params.W2);
  const b2 = tf.variable(params.b2);
  const C = params.W2.shape[1];
  const labels = tf.tidy(() => tf.oneHot(y.toInt(), C).toFloat());
  const opt = tf.train.sgd(0.5);
  for (let s = 0; s <= steps; s++) {
    const l = opt.minimize(() => {
      const logits = tf.relu(x.matMul(W1).add(b1)).matMul(W2).add(b2);
      return tf.neg(tf.mean(tf.sum(tf.mul(labels, tf.logSoftmax(logits)), 1))) as tf.Scalar;
    }, false, [W1, b1, W2, b2]);
    if (l) l.dispose();
  }
  const out: Params = {
    W1: W1.clone() as tf.Tensor2D,
    b1: b1.clone() as tf.Tensor1D,
    W2: W2.clone() as tf.Tensor2D,
    b2: b2.clone() as tf.Tensor1D,
  };
  tf.dispose([W1, b1, W2, b2, labels]);
  opt.dispose();
  return out;
}
