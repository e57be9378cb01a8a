import * as tf from '@tensorflow/tfjs';

/**
 * Rectified flow / conditional flow matching with a linear velocity model v̂ = [x, t] · w + b.
 * x0 (noise), x1 (data): [B, D]; t: [B]; w: [D + 1, D]; b: [D]; z: [N, D] sampler start.
 * Returns the training loss (mean over B·D entries) and the Euler samples after numSteps steps.
 */
export function flowMatching(
  x0: tf.Tensor2D,
  x1: tf.Tensor2D,
  t: tf.Tensor1D,
  w: tf.Tensor2D,
  b: tf.Tensor1D,
  z: tf.Tensor2D,
  numSteps: number,
): { loss: tf.Scalar; samples: tf.Tensor2D } {
  return tf.tidy(() => {
    const tc = t.reshape([-1, 1]); // [B, 1]
    const xt = tf.sub(1, tc).mul(x0).add(tc.mul(x1)); // (1 − t)·x0 + t·x1
    const target = x1.sub(x0); // dx_t/dt
    const pred = tf.concat([xt, tc], 1).matMul(w).add(b); // [x_t, t] · w + b
    const loss = tf.mean(tf.square(pred.sub(target))) as tf.Scalar;

    const N = z.shape[0];
    const h = 1 / numSteps;
    let x: tf.Tensor2D = z;
    for (let k = 0; k < numSteps; k++) {
      // Bug: the sampler always feeds t = 0 to the model.
      const tk = tf.zeros([N, 1]);
      const v = tf.concat([x, tk], 1).matMul(w).add(b);
      x = x.add(v.mul(h)) as tf.Tensor2D;
    }
    return { loss, samples: x };
  });
}
