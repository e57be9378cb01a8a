import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, crossEntropy, fmt, matrixOf, maxAbsDifference, mean, numberOf, numbersOf } from '../../src/notebook/judgeKit';
import { valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 60;
const TARGET_ACCURACY = 0.8;

type Fn = (x: Tensor) => Tensor;

/** The model's scores for `x`, standardised the notebook's way (the grading scope disposes the tensors). */
function scoresOn(get: <T>(name: string) => T, x: Tensor): unknown {
  return valuesOf(get<Fn>('model')(get<Fn>('normalize')(x)));
}

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      return { scores: scoresOn(get, get<Tensor>('testX')), classes: get<number[]>('testClasses') };
    },
    judge(seen: { scores: unknown; classes: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(normalize(testX))')), numbersOf(seen.classes, 'testClasses'));
      return { passed: value >= TARGET_ACCURACY, detail: `test accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'labels-not-one-hot',
      title: 'Labels not one-hot where the loss expects one-hot rows',
      explanation:
        'lossFn multiplies the labels with the [n, 10] log-probabilities, which needs one-hot rows; encodeLabels gave the digits as an [n, 1] column, which broadcasts: every image of a 0 contributed nothing and an image of a 7 pushed all ten log-probabilities up, seven times as hard. Encode one-hot rows (or make the loss pick by class id) — together they must compute the cross-entropy.',
      observe({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const encode = get<(c: number[]) => Tensor>('encodeLabels');
        const classes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 7, 5, 3, 1];
        const logits = tf.randomNormal([classes.length, 10], 0, 2, 'float32', 11);
        return {
          loss: tf.tidy(() => lossFn(logits, encode(classes)).dataSync()[0]),
          logits: valuesOf(logits),
          classes,
        };
      },
      judge(seen: { loss: unknown; logits: unknown; classes: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(logits, encodeLabels(digits))');
        // The grader's own cross-entropy, computed here from the logits it chose.
        const expected = crossEntropy(matrixOf(seen.logits, 'logits'), numbersOf(seen.classes, 'digits'));
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
      observe({ get }) {
        const normalize = get<Fn>('normalize');
        const trainX = get<Tensor>('trainX');
        return { all: valuesOf(normalize(trainX)), firstRows: valuesOf(normalize(trainX.slice(0, 7))) };
      },
      judge(seen: { all: unknown; firstRows: unknown }) {
        const all = matrixOf(seen.all, 'normalize(trainX)');
        const columns = all[0]?.length ?? 0;
        if (columns === 0) throw new Error('normalize(trainX) is empty');
        // Per-pixel means over the training rows: fitted on the training split, each is 0.
        const worstMean = Math.max(...Array.from({ length: columns }, (_, j) => Math.abs(mean(all.map((row) => row[j])))));
        // Fixed statistics: normalising a few rows gives the same values as normalising them all.
        const pointwise = maxAbsDifference(all.slice(0, 7), matrixOf(seen.firstRows, 'normalize(trainX.slice(0, 7))'));
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
      async observe({ call, get, withReplaced }) {
        await call('initParams', 0);
        await call('train', 10);
        const model = get<Fn>('model');
        // The model sees standardised rows, so the spy records how many rows it got, not which tensor.
        const sizes: number[] = [];
        const reported = await withReplaced('model', (x: Tensor) => {
          sizes.push(x.shape[0]);
          return model(x);
        }, () => call<number>('evaluate'));
        return {
          sizes,
          reported,
          testScores: scoresOn(get, get<Tensor>('testX')),
          testClasses: get<number[]>('testClasses'),
          nTest: get<Tensor>('testX').shape[0],
          nTrain: get<Tensor>('trainX').shape[0],
        };
      },
      judge(seen: { sizes: unknown; reported: unknown; testScores: unknown; testClasses: unknown; nTest: unknown; nTrain: unknown }) {
        const sizes = numbersOf(seen.sizes, 'rows the model got');
        const reported = numberOf(seen.reported, 'evaluate()');
        const testAccuracy = accuracy(argmaxRows(matrixOf(seen.testScores, 'model(normalize(testX))')), numbersOf(seen.testClasses, 'testClasses'));
        const nTest = numberOf(seen.nTest, 'rows of testX');
        const nTrain = numberOf(seen.nTrain, 'rows of trainX');
        const onTest = sizes.includes(nTest) && !sizes.includes(nTrain);
        return {
          passed: onTest && Math.abs(reported - testAccuracy) < 1e-6,
          detail: `evaluate() ran the model on ${sizes.length ? sizes.map((n) => `${n} rows`).join(', ') : 'nothing'} and reported ${fmt(reported)}; the test accuracy is ${fmt(testAccuracy)}`,
        };
      },
    },
  ],
});
