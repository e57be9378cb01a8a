import * as tf from '@tensorflow/tfjs';

// logProbs, oldLogProbs, refLogProbs, responseMask: [N, T]; rewards: [N], N = nGroups · groupSize.
export function grpoLoss(
  logProbs: tf.Tensor2D,
  oldLogProbs: tf.Tensor2D,
  refLogProbs: tf.Tensor2D,
  rewards: tf.Tensor1D,
  responseMask: tf.Tensor2D,
  groupSize: number,
  clipEps: number,
  beta: number,
  eps: number,
  normalization: 'sequence' | 'token',
): { loss: tf.Scalar; clipFraction: tf.Scalar; advantages: tf.Tensor1D } {
  return tf.tidy(() => {
    const [N] = logProbs.shape;
    // Group-normalised advantages: population std, eps added to the std.
    // Bug: advantages normalised over the whole batch instead of within each group
    const grouped = rewards.reshape([1, N]);
    const mean = grouped.mean(1, true);
    const std = grouped.sub(mean).square().mean(1, true).sqrt();
    const advantages = grouped.sub(mean).div(std.add(eps)).reshape([N]) as tf.Tensor1D;
    const A = advantages.reshape([N, 1]);
    // Per-token clipped surrogate; the ratio comes from the log-prob difference.
    const ratio = tf.exp(logProbs.sub(oldLogProbs));
    const unclipped = ratio.mul(A);
    const clipped = tf.clipByValue(ratio, 1 - clipEps, 1 + clipEps).mul(A);
    const surrogate = tf.minimum(unclipped, clipped);
    // k3 estimator of KL(π_θ ‖ π_ref): e^d − d − 1 with d = log π_ref − log π_θ.
    const d = refLogProbs.sub(logProbs);
    const kl = tf.exp(d).sub(d).sub(1);
    const perToken = surrogate.sub(kl.mul(beta));
    const mask = responseMask;
    // where, not mul: values at masked positions must not matter at all.
    const kept = tf.where(mask.greater(0), perToken, tf.zerosLike(perToken));
    const lengths = mask.sum(1);
    const objective =
      normalization === 'sequence'
        ? kept.sum(1).div(lengths).mean() // mean over sequences of the per-sequence token mean
        : kept.sum().div(mask.sum()); // one mean over every response token of the batch
    const loss = objective.neg() as tf.Scalar;
    // The clip binds (the clipped term is the min and has no gradient) when the ratio left the
    // range in the direction the advantage pushes it.
    const binds = tf.logicalOr(
      tf.logicalAnd(ratio.greater(1 + clipEps), A.greater(0)),
      tf.logicalAnd(ratio.less(1 - clipEps), A.less(0)),
    );
    const clipFraction = binds.cast('float32').mul(mask).sum().div(mask.sum()) as tf.Scalar;
    return { loss, clipFraction, advantages };
  });
}
