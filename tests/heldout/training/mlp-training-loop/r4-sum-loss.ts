// Held-out wrong variant: the loss is the sum of per-example cross-entropies instead of their mean, so every gradient is N times too large.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const lr = 0.5;
  const C = params.W2.shape[1];
  const W1 = tf.variable(params.W1.clone());
  const b1 = tf.variable(params.b1.clone());
  const W2 = tf.variable(params.W2.clone());
  const b2 = tf.variable(params.b2.clone());
  const onehot = tf.oneHot(y.cast('int32'), C).cast('float32');
  const vars = [W1, b1, W2, b2];
  for (let s = 0; s < steps; s++) {
    tf.tidy(() => {
      const { grads } = tf.variableGrads(() => {
        const h = tf.relu(x.matMul(W1).add(b1));
        const logits = h.matMul(W2).add(b2);
        const logp = tf.logSoftmax(logits);
        return logp.mul(onehot).sum().neg() as tf.Scalar;
      }, vars);
      for (const v of vars) v.assign(v.sub(grads[v.name].mul(lr)));
    });
  }
  onehot.dispose();
  const out = {
    W1: W1.clone() as tf.Tensor2D,
    b1: b1.clone() as tf.Tensor1D,
    W2: W2.clone() as tf.Tensor2D,
    b2: b2.clone() as tf.Tensor1D,
  };
  vars.forEach((v) => v.dispose());
  return out;
}
