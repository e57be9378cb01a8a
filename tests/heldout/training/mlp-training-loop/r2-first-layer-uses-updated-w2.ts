// Held-out wrong variant: updates W2 and b2 first and then backpropagates into W1/b1 through the already-updated W2, so the layers are not updated from the same parameters.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const lr = 0.5;
  const N = x.shape[0];
  const C = params.W2.shape[1];
  let W1: tf.Tensor = params.W1.clone();
  let b1: tf.Tensor = params.b1.clone();
  let W2: tf.Tensor = params.W2.clone();
  let b2: tf.Tensor = params.b2.clone();
  const onehot = tf.tidy(() => tf.oneHot(tf.cast(y, 'int32'), C).toFloat());
  for (let s = 0; s < steps; s++) {
    const next = tf.tidy(() => {
      const z1 = tf.add(tf.matMul(x, W1 as tf.Tensor2D), b1);
      const h = tf.relu(z1);
      const logits = tf.add(tf.matMul(h as tf.Tensor2D, W2 as tf.Tensor2D), b2);
      const p = tf.softmax(logits, -1);
      const dlogits = tf.div(tf.sub(p, onehot), N);
      const dW2 = tf.matMul(h as tf.Tensor2D, dlogits as tf.Tensor2D, true, false);
      const db2 = tf.sum(dlogits, 0);
      const newW2 = tf.sub(W2, tf.mul(dW2, lr));
      const newB2 = tf.sub(b2, tf.mul(db2, lr));
      // backprop into the first layer through the freshly updated W2
      const dh = tf.matMul(dlogits as tf.Tensor2D, newW2 as tf.Tensor2D, false, true);
      const dz1 = tf.mul(dh, tf.cast(tf.greater(z1, 0), 'float32'));
      const dW1 = tf.matMul(x, dz1 as tf.Tensor2D, true, false);
      const db1 = tf.sum(dz1, 0);
      return [tf.sub(W1, tf.mul(dW1, lr)), tf.sub(b1, tf.mul(db1, lr)), newW2, newB2];
    });
    W1.dispose(); b1.dispose(); W2.dispose(); b2.dispose();
    [W1, b1, W2, b2] = next;
  }
  onehot.dispose();
  return { W1: W1 as tf.Tensor2D, b1: b1 as tf.Tensor1D, W2: W2 as tf.Tensor2D, b2: b2 as tf.Tensor1D };
}
