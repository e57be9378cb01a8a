import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, closeTo, crossEntropy, fingerprintOf, fmt, matrixOf, numberOf, numbersOf, sameFingerprint, stringsOf } from '../../src/notebook/judgeKit';
import { fingerprint, valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 150;
const TARGET_ACCURACY = 0.92;

type Batch = { x: Tensor; y: Tensor };

type Fn = (x: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { scores: valuesOf(get<Fn>('model')(get<Tensor>('testX'))), classes: get<number[]>('testClasses') };
    },
    judge(seen: { scores: unknown; classes: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(testX)')), numbersOf(seen.classes, 'testClasses'));
      return { passed: value >= TARGET_ACCURACY, detail: `test accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'softmax-before-loss',
      title: 'Softmax applied before a loss that expects logits',
      explanation:
        'trainingLoss passed softmax probabilities to lossFn, which applies logSoftmax itself: a double softmax squashes the scores into [0, 1], so the loss can barely move and the gradients are tiny. Pass the raw logits.',
      async observe({ tf, call, get }) {
        await call('initParams', 0);
        // A batch of our own, mixing every class, so the check does not depend on the batching.
        const classes = get<number[]>('trainClasses');
        const picked = classes.map((_, i) => i).filter((i) => i % 25 === 3);
        const batch = {
          x: tf.gather(get<Tensor>('trainX'), tf.tensor1d(picked, 'int32')),
          y: get<(c: number[]) => Tensor>('encodeLabels')(picked.map((i) => classes[i])),
        };
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        return {
          trainingLoss: tf.tidy(() => get<(b: Batch) => Tensor>('trainingLoss')(batch).dataSync()[0]),
          lossOfLogits: tf.tidy(() => lossFn(get<Fn>('model')(batch.x), batch.y).dataSync()[0]),
        };
      },
      judge(seen: { trainingLoss: unknown; lossOfLogits: unknown }) {
        const got = numberOf(seen.trainingLoss, 'trainingLoss(batch)');
        const expected = numberOf(seen.lossOfLogits, 'lossFn(model(batch.x), batch.y)');
        return {
          passed: closeTo(got, expected, 1e-4),
          detail: `trainingLoss(batch) = ${fmt(got, 4)}; lossFn(model(batch.x), batch.y) = ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'labels-not-one-hot',
      title: 'Labels not one-hot where the loss expects one-hot',
      explanation:
        'encodeLabels returned the class ids as an [n, 1] column; multiplied with the [n, 4] log-probabilities it broadcasts, so class-0 examples contribute nothing and the others push every class at once. Encode one-hot rows (tf.oneHot).',
      observe({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const classes = [0, 1, 2, 3, 3, 2, 1, 0];
        const logits = tf.randomNormal([classes.length, 4], 0, 2, 'float32', 11);
        return {
          loss: tf.tidy(() => lossFn(logits, get<(c: number[]) => Tensor>('encodeLabels')(classes)).dataSync()[0]),
          logits: valuesOf(logits),
          classes,
        };
      },
      judge(seen: { loss: unknown; logits: unknown; classes: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(logits, encodeLabels(classes))');
        // The grader's own cross-entropy, computed here from the logits it chose.
        const expected = crossEntropy(matrixOf(seen.logits, 'logits'), numbersOf(seen.classes, 'classes'));
        return {
          passed: Math.abs(got - expected) <= 1e-3 * Math.max(1, expected),
          detail: `lossFn(logits, encodeLabels(classes)) = ${fmt(got, 4)}; the cross-entropy for those classes is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'never-shuffled',
      title: 'Data never shuffled (sorted by label)',
      explanation:
        'The training set is sorted by class and the batches were taken in file order, so every batch held one class and the model chased whichever class it saw last. Shuffle every epoch.',
      async observe({ call, get }) {
        const trainX = get<Tensor>('trainX');
        const classes = get<number[]>('trainClasses');
        const rows = trainX.arraySync() as number[][];
        const classOf = new Map(rows.map((r, i) => [r.join(','), classes[i]]));
        const firstBatch = async (epoch: number) => {
          const batches = await call<Batch[]>('makeBatches', epoch);
          return (batches[0].x.arraySync() as number[][]).map((r) => r.join(','));
        };
        const epoch0 = await firstBatch(0);
        const epoch1 = await firstBatch(1);
        return { epoch0, epoch1, classesOfEpoch0: epoch0.map((key) => classOf.get(key) ?? -1) };
      },
      judge(seen: { epoch0: unknown; epoch1: unknown; classesOfEpoch0: unknown }) {
        const a = stringsOf(seen.epoch0, 'first batch of epoch 0');
        const b = stringsOf(seen.epoch1, 'first batch of epoch 1');
        const mixed = new Set(numbersOf(seen.classesOfEpoch0, 'classes of the first batch')).size;
        const differs = a.length !== b.length || a.some((key, i) => key !== b[i]);
        return {
          passed: differs && mixed >= 2,
          detail: `the first batch of epoch 0 holds ${mixed} class${mixed === 1 ? '' : 'es'}; epochs 0 and 1 ${differs ? 'start with different' : 'start with the same'} examples`,
        };
      },
    },
    {
      id: 'eval-on-train',
      title: 'Evaluation on the training set',
      explanation:
        'evaluate() ran the model on trainX and scored against the training classes, which measures memorisation, not generalisation. Evaluate on testX and testClasses.',
      async observe({ tf, call, get, withReplaced }) {
        const model = get<Fn>('model');
        await call('initParams', 0);
        const seen: unknown[] = [];
        await withReplaced('model', (x: Tensor) => {
          seen.push(fingerprint(tf, x));
          return model(x);
        }, () => call('evaluate'));
        return { seen, testX: fingerprint(tf, get<Tensor>('testX')), trainX: fingerprint(tf, get<Tensor>('trainX')) };
      },
      judge(observed: { seen: unknown; testX: unknown; trainX: unknown }) {
        const testX = fingerprintOf(observed.testX, 'testX');
        const trainX = fingerprintOf(observed.trainX, 'trainX');
        if (!Array.isArray(observed.seen)) throw new Error('the inputs evaluate() gave the model are not a list');
        const seen = observed.seen.map((x, i) => {
          const print = fingerprintOf(x, `model input ${i + 1}`);
          return sameFingerprint(print, testX) ? 'test' : sameFingerprint(print, trainX) ? 'train' : `other ${JSON.stringify(print.shape)}`;
        });
        return {
          passed: seen.includes('test') && !seen.includes('train'),
          detail: seen.length ? `evaluate() ran the model on: ${[...new Set(seen)].join(', ')}` : 'evaluate() never called model()',
        };
      },
    },
  ],
});
