// Held-out wrong variant: in the hand-written backward pass W2 is updated before the hidden-layer gradient is back-propagated, so dW1/db1 use the new W2 instead of the current one.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const lr = 0.5;
  const N = x.shape[0];
  const C = params.W2.shape[1];
  let W1: tf.Tensor2D = params.W1.clone();
  let b1: tf.Tensor1D = params.b1.clone();
  let W2: tf.Tensor2D = params.W2.clone();
  let b2: tf.Tensor1D = params.b2.clone();
  const Y = tf.oneHot(y.cast('int32'), C).cast('float32');
  for (let s = 0; s < steps; s++) {
    const next = tf.tidy(() => {
      const z1 = tf.add(tf.matMul(x, W1), b1);
      const h = tf.relu(z1);
      const logits = tf.add(tf.matMul(h, W2), b2);
      const probs = tf.softmax(logits);
      const dLogits = tf.div(tf.sub(probs, Y), N);
      const dW2 = tf.matMul(h, dLogits, true, false);
      const db2 = tf.sum(dLogits, 0);
      const newW2 = tf.sub(W2, tf.mul(lr, dW2)) as tf.Tensor2D;
      const newB2 = tf.sub(b2, tf.mul(lr, db2)) as tf.Tensor1D;
      const dH = tf.matMul(dLogits, newW2, false, true);
      const dZ1 = tf.mul(dH, tf.cast(tf.greater(z1, 0), 'float32'));
      const dW1 = tf.matMul(x, dZ1, true, false);
      const db1 = tf.sum(dZ1, 0);
      const newW1 = tf.sub(W1, tf.mul(lr, dW1)) as tf.Tensor2D;
      const newB1 = tf.sub(b1, tf.mul(lr, db1)) as tf.Tensor1D;
      return { W1: newW1, b1: newB1, W2: newW2, b2: newB2 };
    });
    W1.dispose(); b1.dispose(); W2.dispose(); b2.dispose();
    ({ W1, b1, W2, b2 } = next);
  }
  Y.dispose();
  return { W1, b1, W2, b2 };
}
