import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, referenceCrossEntropy } from '../../src/notebook/probeKit';

const TARGET_STEPS = 60;
const TARGET_ACCURACY = 0.8;

type Fn = (x: Tensor) => Tensor;

function accuracyOn(tf: typeof import('@tensorflow/tfjs-core'), get: <T>(name: string) => T, x: Tensor, classes: number[]): number {
  const predicted = tf.tidy(() => get<Fn>('model')(get<Fn>('normalize')(x)).argMax(1).dataSync());
  return predicted.filter((c, i) => c === classes[i]).length / classes.length;
}

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const accuracy = accuracyOn(tf, get, get<Tensor>('testX'), get<number[]>('testClasses'));
      return { passed: accuracy >= TARGET_ACCURACY, detail: `test accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'labels-not-one-hot',
      title: 'Labels not one-hot where the loss expects one-hot rows',
      explanation:
        'lossFn multiplies the labels with the [n, 10] log-probabilities, which needs one-hot rows; encodeLabels gave the digits as an [n, 1] column, which broadcasts: every image of a 0 contributed nothing and an image of a 7 pushed all ten log-probabilities up, seven times as hard. Encode one-hot rows (or make the loss pick by class id) — together they must compute the cross-entropy.',
      check({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const encode = get<(c: number[]) => Tensor>('encodeLabels');
        const classes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 7, 5, 3, 1];
        const logits = tf.randomNormal([classes.length, 10], 0, 2, 'float32', 11);
        const got = tf.tidy(() => lossFn(logits, encode(classes)).dataSync()[0]);
        const expected = referenceCrossEntropy(tf, logits, tf.oneHot(tf.tensor1d(classes, 'int32'), 10).toFloat());
        return {
          passed: Math.abs(got - expected) <= 1e-3 * Math.max(1, expected),
          detail: `lossFn(logits, encodeLabels(digits)) = ${fmt(got, 4)}; the cross-entropy for those digits is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'test-set-statistics',
      title: 'Normalisation statistics taken from the test set',
      explanation:
        'The per-pixel mean and standard deviation came from the test images: the model was shaped by data it is scored on, and the training inputs were not centred. Fit the statistics on the training split once and reuse them for every split.',
      check({ tf, get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        const worstMean = tf.tidy(() => tf.moments(normalize(trainX), 0).mean.abs().max().dataSync()[0]);
        // Fixed statistics: normalising a few rows gives the same values as normalising them all.
        const pointwise = tf.tidy(() => normalize(trainX).slice(0, 7).sub(normalize(trainX.slice(0, 7))).abs().max().dataSync()[0]);
        return {
          passed: worstMean < 1e-3 && pointwise < 1e-4,
          detail: `standardised training pixels have means up to ${fmt(worstMean, 4)} (want 0)${pointwise < 1e-4 ? '' : '; normalising a subset changes its values'}`,
        };
      },
    },
    {
      id: 'eval-on-train',
      title: 'Evaluation on the training set',
      explanation:
        'evaluate() scored the model on the training images it was fitted to, which measures memorisation, not how well it generalises. Score it on testX against testClasses.',
      async check({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        await call('train', 10);
        const model = get<Fn>('model');
        const sizes: number[] = [];
        const reported = await withReplaced('model', (x: Tensor) => {
          sizes.push(x.shape[0]);
          return model(x);
        }, () => call<number>('evaluate'));
        const testAccuracy = accuracyOn(tf, get, get<Tensor>('testX'), get<number[]>('testClasses'));
        const nTest = get<Tensor>('testX').shape[0];
        const nTrain = get<Tensor>('trainX').shape[0];
        const onTest = sizes.includes(nTest) && !sizes.includes(nTrain);
        return {
          passed: onTest && Math.abs(reported - testAccuracy) < 1e-6,
          detail: `evaluate() ran the model on ${sizes.length ? sizes.map((n) => `${n} rows`).join(', ') : 'nothing'} and reported ${fmt(reported)}; the test accuracy is ${fmt(testAccuracy)}`,
        };
      },
    },
  ],
});
