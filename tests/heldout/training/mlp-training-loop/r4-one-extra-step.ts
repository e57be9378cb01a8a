// Held-out wrong variant: the training loop runs for s = 0..steps inclusive, taking steps + 1 updates instead of exactly steps.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const W1 = tf.variable(params.W1, true, undefined, 'float32');
  const b1 = tf.variable(params.b1, true, undefined, 'float32');
  const W2 = tf.variable(params.W2, true, undefined, 'float32');
  const b2 = tf.variable(params.b2, true, undefined, 'float32');
  const C = params.W2.shape[1];
  const labels = tf.oneHot(y.cast('int32'), C);
  const opt = tf.train.sgd(0.5);
  for (let s = 0; s <= steps; s++) {
    const cost = opt.minimize(() => {
      const logits = tf.relu(x.matMul(W1).add(b1)).matMul(W2).add(b2);
      return tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;
    }, false, [W1, b1, W2, b2]);
    if (cost) cost.dispose();
  }
  opt.dispose();
  labels.dispose();
  const out = {
    W1: W1.clone() as tf.Tensor2D,
    b1: b1.clone() as tf.Tensor1D,
    W2: W2.clone() as tf.Tensor2D,
    b2: b2.clone() as tf.Tensor1D,
  };
  W1.dispose(); b1.dispose(); W2.dispose(); b2.dispose();
  return out;
}
