// Held-out wrong variant: the b1 gradient is the column sum of dh (the gradient w.r.t. the ReLU output) instead of dpre = dh·[pre > 0], i.e. the ReLU derivative is omitted for the first-layer bias only.
import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const lr = 0.5;
  const N = x.shape[0];
  const C = params.W2.shape[1];
  let cur: Params = {
    W1: params.W1.clone(),
    b1: params.b1.clone(),
    W2: params.W2.clone(),
    b2: params.b2.clone(),
  };
  const target = tf.tidy(() => tf.oneHot(y.toInt(), C).toFloat());
  for (let step = 0; step < steps; step++) {
    const upd: Params = tf.tidy(() => {
      const { W1, b1, W2, b2 } = cur;
      const z1 = tf.add(tf.matMul(x, W1), b1);
      const a1 = tf.relu(z1);
      const z2 = tf.add(tf.matMul(a1, W2), b2);
      const g2 = tf.div(tf.sub(tf.softmax(z2), target), N);
      const gW2 = tf.matMul(a1, g2, true, false);
      const gb2 = tf.sum(g2, 0);
      const ga1 = tf.matMul(g2, W2, false, true);
      const gz1 = tf.mul(ga1, tf.step(z1));
      const gW1 = tf.matMul(x, gz1, true, false);
      const gb1 = tf.sum(ga1, 0);
      return {
        W1: tf.sub(W1, tf.mul(lr, gW1)) as tf.Tensor2D,
        b1: tf.sub(b1, tf.mul(lr, gb1)) as tf.Tensor1D,
        W2: tf.sub(W2, tf.mul(lr, gW2)) as tf.Tensor2D,
        b2: tf.sub(b2, tf.mul(lr, gb2)) as tf.Tensor1D,
      };
    });
    tf.dispose([cur.W1, cur.b1, cur.W2, cur.b2]);
    cur = upd;
  }
  target.dispose();
  return cur;
}
