import * as tf from '@tensorflow/tfjs';

type Params = { W1: tf.Tensor2D; b1: tf.Tensor1D; W2: tf.Tensor2D; b2: tf.Tensor1D };

export function trainMLP(x: tf.Tensor2D, y: tf.Tensor1D, params: Params, steps: number, targetLoss: number): Params {
  const C = params.W2.shape[1];
  const lr = 0.5;
  const onehot = tf.oneHot(y, C).cast('float32');
  const names = ['W1', 'b1', 'W2', 'b2'] as const;
  const p: Record<string, tf.Tensor> = Object.fromEntries(names.map((k) => [k, params[k].clone()]));
  for (let step = 0; step < steps; step++) {
    const next = tf.tidy(() => {
      const h = tf.relu(tf.matMul(x, p.W1).add(p.b1));
      const logits = tf.matMul(h, p.W2).add(p.b2);
      const dlogits = tf.softmax(logits, -1).sub(onehot).div(x.shape[0]);
      const dW2 = tf.matMul(h, dlogits, true, false);
      const db2 = dlogits.sum(0);
      const dhOut = tf.matMul(dlogits, p.W2, false, true);
      const dh = dhOut.mul(h.greater(0).cast('float32'));
      const dW1 = tf.matMul(x, dh, true, false);
      // Bug: the b1 gradient sums the gradient w.r.t. the ReLU output, skipping the ReLU mask.
      const db1 = dhOut.sum(0);
      const grads: Record<string, tf.Tensor> = { W1: dW1, b1: db1, W2: dW2, b2: db2 };
      return Object.fromEntries(names.map((k) => [k, p[k].sub(grads[k].mul(lr))]));
    });
    tf.dispose(Object.values(p));
    Object.assign(p, next);
  }
  onehot.dispose();
  return p as unknown as Params;
}
