import * as tf from '@tensorflow/tfjs';

// stepScores: [P, K, S] PRM step scores (padded), lengths: [P, K] int32 real step counts,
// outcomeScores: [P, K] ORM scores, correct: [P, K] bool labels, aggregation: 'min' | 'product' | 'last'.
export function processRewardBestOfN(
  stepScores: tf.Tensor3D,
  lengths: tf.Tensor2D,
  outcomeScores: tf.Tensor2D,
  correct: tf.Tensor2D,
  aggregation: 'min' | 'product' | 'last',
): {
  prmScores: tf.Tensor2D;
  prmChoice: tf.Tensor1D;
  ormChoice: tf.Tensor1D;
  prmAccuracy: tf.Scalar;
  ormAccuracy: tf.Scalar;
} {
  const [P, K, S] = stepScores.shape;
  const prmScores = tf.tidy(() => {
    // mask[p, k, t] = t < lengths[p, k]: padding never enters the aggregate.
    const steps = tf.range(0, S, 1, 'int32').reshape([1, 1, S]);
    const len = lengths.expandDims(2);
    if (aggregation === 'min') {
      return tf.where(steps.less(len), stepScores, tf.fill([P, K, S], Infinity)).min(2);
    }
    if (aggregation === 'product') {
      return tf.where(steps.less(len), stepScores, tf.onesLike(stepScores)).prod(2);
    }
    // 'last': the score of step lengths − 1.
    // Bug: index lengths instead of lengths − 1.
    return tf.where(steps.equal(len), stepScores, tf.zerosLike(stepScores)).sum(2);
  }) as tf.Tensor2D;

  const scores = prmScores.arraySync();
  const orm = outcomeScores.arraySync();
  const ok = correct.arraySync();
  // First index of the maximum: the lowest-index tie rule.
  const argmax = (row: number[]) => row.reduce((best, x, k) => (x > row[best] ? k : best), 0);
  const prmChoice = scores.map(argmax);
  const ormChoice = orm.map(argmax);
  const accuracy = (choice: number[]) => choice.reduce((acc, k, p) => acc + (ok[p][k] ? 1 : 0), 0) / P;
  return {
    prmScores,
    prmChoice: tf.tensor1d(prmChoice, 'int32'),
    ormChoice: tf.tensor1d(ormChoice, 'int32'),
    prmAccuracy: tf.scalar(accuracy(prmChoice)),
    ormAccuracy: tf.scalar(accuracy(ormChoice)),
  };
}
