// Held-out wrong variant: in the hand-written backward pass W2 is updated before the hidden-layer gradient dh = dlogits·W2ᵀ is computed, so the W1/b1 gradients use the already-updated W2 instead of the current one.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const lr = 0.5;
  let W1 = params.W1.clone();
  let b1 = params.b1.clone();
  let W2 = params.W2.clone();
  let b2 = params.b2.clone();
  const N = x.shape[0];
  const C = W2.shape[1];
  const onehot = tf.tidy(() => tf.oneHot(y.toInt(), C).toFloat());
  for (let s = 0; s < steps; s++) {
    const next = tf.tidy(() => {
      const pre = x.matMul(W1).add(b1);
      const h = tf.relu(pre);
      const logits = h.matMul(W2).add(b2);
      const dlogits = tf.softmax(logits).sub(onehot).div(N);
      const dW2 = h.transpose().matMul(dlogits);
      const db2 = dlogits.sum(0);
      const newW2 = W2.sub(dW2.mul(lr)) as tf.Tensor2D;
      const newb2 = b2.sub(db2.mul(lr)) as tf.Tensor1D;
      const dh = dlogits.matMul(newW2.transpose());
      const dpre = dh.mul(pre.greater(0).toFloat());
      const dW1 = x.transpose().matMul(dpre);
      const db1 = dpre.sum(0);
      const newW1 = W1.sub(dW1.mul(lr)) as tf.Tensor2D;
      const newb1 = b1.sub(db1.mul(lr)) as tf.Tensor1D;
      return { W1: newW1, b1: newb1, W2: newW2, b2: newb2 };
    });
    W1.dispose(); b1.dispose(); W2.dispose(); b2.dispose();
    ({ W1, b1, W2, b2 } = next);
  }
  onehot.dispose();
  return { W1, b1, W2, b2 };
}
