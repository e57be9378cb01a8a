import * as tf from '@tensorflow/tfjs';

// draftProbs q: [batch, k, vocab], targetProbs p: [batch, k + 1, vocab], draftTokens: int32 [batch, k],
// acceptU: [batch, k], residualU: [batch]. Returns int32 [batch] accepted counts and final tokens.
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
    // Bug: the draft probability is left out of the test
    const acceptEach = tf.less(acceptU, pTok);
    // Only the prefix before the first rejection counts: accepted = the first rejected position,
    // or k when every draft passed.
    const positions = tf.range(0, k, 1, 'int32');
    const accepted = tf.where<tf.Tensor>(acceptEach, tf.scalar(k, 'int32'), positions).min(1); // [batch], 0..k
    // Final token: from norm(max(0, p − q)) at the rejected position, or from p[k] when all were
    // accepted — padding q with a zero row makes that the same formula.
    const qPadded = tf.concat([draftProbs, tf.zeros([batch, 1, vocab])], 1); // [batch, k + 1, vocab]
    const at = tf.oneHot(accepted, k + 1).expandDims(2); // [batch, k + 1, 1]
    const pRow = targetProbs.mul(at).sum(1);
    const qRow = qPadded.mul(at).sum(1);
    const residual = tf.relu(pRow.sub(qRow));
    const dist = residual.div(residual.sum(1, true));
    // Inverse CDF: the first id whose cumulative probability is > s is the count of values <= s.
    const cdf = tf.cumsum(dist, 1);
    const count = tf.lessEqual(cdf, residualU.expandDims(1)).cast('int32').sum(1);
    // If rounding leaves every cumulative value <= s (s within ~1e-7 of 1): the last id with
    // positive probability — never a token the final distribution rules out.
    const ids = tf.range(0, vocab, 1, 'int32');
    const lastPositive = tf.where(tf.greater(dist, 0), ids, tf.zerosLike(ids)).max(1);
    const token = tf.minimum(count, lastPositive);
    return { accepted: accepted as tf.Tensor1D, token: token as tf.Tensor1D };
  });
}
