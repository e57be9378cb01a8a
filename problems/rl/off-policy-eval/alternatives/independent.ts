import * as tf from '@tensorflow/tfjs';

// Vectorised: padded steps are replaced by ratio 1 / reward 0, then cumulative products along time.
export function offPolicyEval(
  rewards: tf.Tensor2D,
  behaviorProbs: tf.Tensor2D,
  targetProbs: tf.Tensor2D,
  mask: tf.Tensor2D,
  gamma: number,
): { ordinary: tf.Scalar; weighted: tf.Scalar; perDecision: tf.Scalar; weights: tf.Tensor1D } {
  return tf.tidy(() => {
    const [N, T] = rewards.shape;
    const valid = tf.greater(mask, 0);
    const ones = tf.onesLike(mask);
    const zeros = tf.zerosLike(mask);
    const mu = tf.where(valid, behaviorProbs, ones);
    const pi = tf.where(valid, targetProbs, ones);
    const w = tf.div(pi, mu); // 1 on padding
    const r = tf.where(valid, rewards, zeros); // 0 on padding

    const disc: number[] = [];
    for (let t = 0; t < T; t++) disc.push(Math.pow(gamma, t));
    const discount = tf.tensor1d(disc, 'float32').reshape([1, T]);
    const discR = tf.mul(r, discount); // γ^t r_t

    const cum = tf.cumprod(w, 1); // ρ_{0:t}
    const rho = tf.prod(w, 1) as tf.Tensor1D; // ρ_i
    const G = tf.sum(discR, 1); // G_i

    const rhoG = tf.sum(tf.mul(rho, G));
    const ordinary = tf.div(rhoG, N) as tf.Scalar;
    const sumRho = tf.sum(rho);
    const isZero = tf.equal(sumRho, 0);
    const safeDen = tf.where(isZero, tf.scalar(1), sumRho);
    const weighted = tf.where(isZero, tf.scalar(0), tf.div(rhoG, safeDen)) as tf.Scalar;
    const perDecision = tf.div(tf.sum(tf.mul(cum, discR)), N) as tf.Scalar;
    return { ordinary, weighted, perDecision, weights: rho };
  });
}
