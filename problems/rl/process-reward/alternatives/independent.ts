import * as tf from '@tensorflow/tfjs';

/**
 * Independent solution: solution scores via masked, vectorised tensor ops (padding replaced by the
 * neutral element of the aggregation), selection and accuracy via explicit loops.
 */
function firstArgMax(row: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
  return best;
}

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
    const x = stepScores.toFloat();
    const len = lengths.toInt();
    const steps = tf.range(0, S, 1, 'int32').reshape([1, 1, S]);
    const valid = tf.less(steps, len.expandDims(2)); // [P, K, S] bool
    if (aggregation === 'min') {
      return tf.where(valid, x, tf.fill([P, K, S], Infinity)).min(2);
    }
    if (aggregation === 'product') {
      return tf.where(valid, x, tf.onesLike(x)).prod(2);
    }
    // last: select position n-1 with an equality mask; other entries become exact zeros
    const isLast = tf.equal(steps, len.sub(1).expandDims(2));
    return tf.where(isLast, x, tf.zerosLike(x)).sum(2);
  }) as tf.Tensor2D;

  const prm = prmScores.arraySync() as number[][];
  const orm = outcomeScores.arraySync() as number[][];
  const corr = correct.arraySync() as Array<Array<number | boolean>>;

  const prmIdx: number[] = [];
  const ormIdx: number[] = [];
  let prmHits = 0;
  let ormHits = 0;
  for (let p = 0; p < P; p++) {
    const a = firstArgMax(prm[p]);
    const b = firstArgMax(orm[p]);
    prmIdx.push(a);
    ormIdx.push(b);
    if (corr[p][a]) prmHits++;
    if (corr[p][b]) ormHits++;
  }

  return {
    prmScores,
    prmChoice: tf.tensor1d(prmIdx, 'int32'),
    ormChoice: tf.tensor1d(ormIdx, 'int32'),
    prmAccuracy: tf.scalar(prmHits / P, 'float32'),
    ormAccuracy: tf.scalar(ormHits / P, 'float32'),
  };
}
