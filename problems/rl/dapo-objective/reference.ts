import * as tf from '@tensorflow/tfjs';

// logProbs, oldLogProbs, responseMask: [N, T]; rewards: [N]; N = nGroups · groupSize.
export function dapoObjective(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  responseMask: tf.Tensor2D,
  rewards: tf.Tensor1D,
  groupSize: number,
  epsLow: number,
  epsHigh: number,
  maxLength: number,
  cacheLength: number,
  eps: number,
): { loss: tf.Scalar; advantages: tf.Tensor1D; shapedRewards: tf.Tensor1D } {
  return tf.tidy(() => {
    const [N] = logProbs.shape;
    const nGroups = N / groupSize;
    // Soft overlong punishment from the response length |y| = number of response tokens.
    const length = responseMask.sum(1);
    const soft = tf.scalar(maxLength - cacheLength).sub(length).div(cacheLength);
    const penalty = tf.where(
      length.lessEqual(maxLength - cacheLength),
      tf.zerosLike(length),
      tf.where(length.lessEqual(maxLength), soft, tf.fill([N], -1)),
    );
    const shapedRewards = rewards.add(penalty) as tf.Tensor1D;
    // Dynamic sampling: a group whose raw rewards are all equal carries no signal and is dropped.
    const raw = rewards.reshape([nGroups, groupSize]);
    const keptGroup = raw.max(1).greater(raw.min(1)).cast('float32'); // [nGroups]
    const kept = keptGroup.reshape([nGroups, 1]).tile([1, groupSize]).reshape([N]);
    // Group-normalised advantages of the shaped rewards (population std, eps added to the std).
    const grouped = shapedRewards.reshape([nGroups, groupSize]);
    const dev = grouped.sub(grouped.mean(1, true));
    const std = dev.square().mean(1, true).sqrt();
    const advantages = dev.div(std.add(eps)).reshape([N]).mul(kept) as tf.Tensor1D;
    // Clip-higher: asymmetric range [1 − epsLow, 1 + epsHigh].
    const A = advantages.reshape([N, 1]);
    const ratio = tf.exp(logProbs.sub(oldLogProbs));
    const surrogate = tf.minimum(ratio.mul(A), tf.clipByValue(ratio, 1 - epsLow, 1 + epsHigh).mul(A));
    // Token-level loss over every response token of the kept groups.
    const tokenMask = responseMask.mul(kept.reshape([N, 1]));
    const kept2 = tf.where(tokenMask.greater(0), surrogate, tf.zerosLike(surrogate));
    const loss = kept2.sum().div(tf.maximum(tokenMask.sum(), 1)).neg() as tf.Scalar;
    return { loss, advantages, shapedRewards };
  });
}
