// Held-out wrong variant: softmax taken over the batch axis (axis 0) instead of the class axis in the forward/backward pass.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  void targetLoss;
  const lr = 0.5;
  const N = x.shape[0];
  const C = params.W2.shape[1];
  let cur: Params = {
    W1: params.W1.clone(),
    b1: params.b1.clone(),
    W2: params.W2.clone(),
    b2: params.b2.clone(),
  };
  const onehot = tf.tidy(() => tf.oneHot(tf.cast(y, 'int32'), C).toFloat());
  for (let s = 0; s < steps; s++) {
    const next = tf.tidy(() => {
      const pre = tf.add(tf.matMul(x, cur.W1), cur.b1); // [N, H]
      const h = tf.relu(pre);
      const logits = tf.add(tf.matMul(h, cur.W2), cur.b2); // [N, C]
      const probs = tf.exp(tf.logSoftmax(tf.transpose(logits), -1)).transpose();
      const dLogits = tf.div(tf.sub(probs, onehot), N);
      const dW2 = tf.matMul(h, dLogits, true, false);
      const db2 = tf.sum(dLogits, 0);
      const dH = tf.matMul(dLogits, cur.W2, false, true);
      const reluMask = tf.cast(tf.greater(pre, 0), 'float32');
      const dPre = tf.mul(dH, reluMask);
      const dW1 = tf.matMul(x, dPre, true, false);
      const db1 = tf.sum(dPre, 0);
      return {
        W1: tf.sub(cur.W1, tf.mul(lr, dW1)) as tf.Tensor2D,
        b1: tf.sub(cur.b1, tf.mul(lr, db1)) as tf.Tensor1D,
        W2: tf.sub(cur.W2, tf.mul(lr, dW2)) as tf.Tensor2D,
        b2: tf.sub(cur.b2, tf.mul(lr, db2)) as tf.Tensor1D,
      };
    });
    tf.dispose([cur.W1, cur.b1, cur.W2, cur.b2]);
    cur = next;
  }
  onehot.dispose();
  return cur;
}
