import * as tf from '@tensorflow/tfjs';

// Discrete SAC. rewards, dones: [B]; nextLogits, nextQ1, nextQ2, logits, q1, q2: [B, A].
export function sacTargets(
  rewards: tf.Tensor1D,
  dones: tf.Tensor1D,
  nextLogits: tf.Tensor2D,
  nextQ1: tf.Tensor2D,
  nextQ2: tf.Tensor2D,
  logits: tf.Tensor2D,
  q1: tf.Tensor2D,
  q2: tf.Tensor2D,
  logAlpha: number,
  gamma: number,
  targetEntropy: number,
): { qTarget: tf.Tensor1D; policyLoss: tf.Scalar; alphaLoss: tf.Scalar } {
  return tf.tidy(() => {
    const alpha = Math.exp(logAlpha);
    // Soft state value of s': E_{a ~ π(·|s')}[min(Q1', Q2') − α log π(a|s')], an exact sum over actions.
    // Bug: log(softmax(x)) underflows to log(0) = −∞ for very negative logits, and 0 · −∞ = NaN.
    const nextP = tf.softmax(nextLogits, -1);
    const nextLogp = tf.log(nextP);
    const softV = nextP.mul(tf.minimum(nextQ1, nextQ2).sub(nextLogp.mul(alpha))).sum(-1);
    const qTarget = rewards.add(tf.scalar(1).sub(dones).mul(softV).mul(gamma));

    // Policy: minimize E_s[Σ_a π(a|s)(α log π(a|s) − min(Q1, Q2))].
    const p = tf.softmax(logits, -1);
    const logp = tf.log(p);
    const policyLoss = p.mul(logp.mul(alpha).sub(tf.minimum(q1, q2))).sum(-1).mean();

    // Temperature: −log α · mean(Σ_a π log π + H̄) = −log α · mean(H̄ − H(π)).
    const negEntropy = p.mul(logp).sum(-1);
    const alphaLoss = negEntropy.add(targetEntropy).mean().mul(-logAlpha);
    return { qTarget: qTarget as tf.Tensor1D, policyLoss: policyLoss as tf.Scalar, alphaLoss: alphaLoss as tf.Scalar };
  });
}
