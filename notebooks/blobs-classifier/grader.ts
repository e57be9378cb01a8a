import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, referenceCrossEntropy } from '../../src/notebook/probeKit';

const TARGET_STEPS = 150;
const TARGET_ACCURACY = 0.92;

type Batch = { x: Tensor; y: Tensor };

type Fn = (x: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const classes = get<number[]>('testClasses');
      const predicted = tf.tidy(() => get<Fn>('model')(get<Tensor>('testX')).argMax(1).dataSync());
      const accuracy = predicted.filter((c, i) => c === classes[i]).length / classes.length;
      return { passed: accuracy >= TARGET_ACCURACY, detail: `test accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'softmax-before-loss',
      title: 'Softmax applied before a loss that expects logits',
      explanation:
        'trainingLoss passed softmax probabilities to lossFn, which applies logSoftmax itself: a double softmax squashes the scores into [0, 1], so the loss can barely move and the gradients are tiny. Pass the raw logits.',
      async check({ tf, call, get }) {
        await call('initParams', 0);
        // A batch of our own, mixing every class, so the check does not depend on the batching.
        const classes = get<number[]>('trainClasses');
        const picked = classes.map((_, i) => i).filter((i) => i % 25 === 3);
        const batch = {
          x: tf.gather(get<Tensor>('trainX'), tf.tensor1d(picked, 'int32')),
          y: get<(c: number[]) => Tensor>('encodeLabels')(picked.map((i) => classes[i])),
        };
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const got = tf.tidy(() => get<(b: Batch) => Tensor>('trainingLoss')(batch).dataSync()[0]);
        const expected = tf.tidy(() => lossFn(get<Fn>('model')(batch.x), batch.y).dataSync()[0]);
        return {
          passed: Math.abs(got - expected) <= 1e-4 * Math.max(1, Math.abs(expected)),
          detail: `trainingLoss(batch) = ${fmt(got, 4)}; lossFn(model(batch.x), batch.y) = ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'labels-not-one-hot',
      title: 'Labels not one-hot where the loss expects one-hot',
      explanation:
        'encodeLabels returned the class ids as an [n, 1] column; multiplied with the [n, 4] log-probabilities it broadcasts, so class-0 examples contribute nothing and the others push every class at once. Encode one-hot rows (tf.oneHot).',
      check({ tf, get }) {
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const classes = [0, 1, 2, 3, 3, 2, 1, 0];
        const logits = tf.randomNormal([classes.length, 4], 0, 2, 'float32', 11);
        const got = tf.tidy(() => lossFn(logits, get<(c: number[]) => Tensor>('encodeLabels')(classes)).dataSync()[0]);
        const expected = referenceCrossEntropy(tf, logits, tf.oneHot(tf.tensor1d(classes, 'int32'), 4).toFloat());
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
      async check({ tf, call, get }) {
        const trainX = get<Tensor>('trainX');
        const classes = get<number[]>('trainClasses');
        const rows = trainX.arraySync() as number[][];
        const classOf = new Map(rows.map((r, i) => [r.join(','), classes[i]]));
        const firstRows = async (epoch: number) => {
          const batches = await call<Batch[]>('makeBatches', epoch);
          return (batches[0].x.arraySync() as number[][]).map((r) => r.join(','));
        };
        const a = await firstRows(0);
        const b = await firstRows(1);
        const mixed = new Set(a.map((key) => classOf.get(key))).size;
        const differs = a.some((key, i) => key !== b[i]);
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
      async check({ tf, call, get, withReplaced }) {
        const model = get<Fn>('model');
        const testX = get<Tensor>('testX');
        const trainX = get<Tensor>('trainX');
        await call('initParams', 0);
        const seen: string[] = [];
        const same = (a: Tensor, b: Tensor) =>
          a.shape.join() === b.shape.join() && tf.tidy(() => a.sub(b).abs().max().dataSync()[0]) === 0;
        await withReplaced('model', (x: Tensor) => {
          seen.push(same(x, testX) ? 'test' : same(x, trainX) ? 'train' : `other ${JSON.stringify(x.shape)}`);
          return model(x);
        }, () => call('evaluate'));
        return {
          passed: seen.includes('test') && !seen.includes('train'),
          detail: seen.length ? `evaluate() ran the model on: ${[...new Set(seen)].join(', ')}` : 'evaluate() never called model()',
        };
      },
    },
  ],
});
