import * as tf from '@tensorflow/tfjs';

// n: [P] int32 samples per problem, c: [P] int32 correct samples, k: samples allowed per problem.
export function passAtK(n: tf.Tensor1D, c: tf.Tensor1D, k: number): { perProblem: tf.Tensor1D; mean: tf.Scalar } {
  const ns = n.arraySync();
  const cs = c.arraySync();
  const per = ns.map((total, p) => {
    const wrong = total - cs[p];
    // Bug: plug-in estimate, k independent draws with replacement.
    return 1 - Math.pow(1 - cs[p] / total, k);
  });
  const mean = per.reduce((a, b) => a + b, 0) / per.length;
  return { perProblem: tf.tensor1d(per), mean: tf.scalar(mean) };
}
