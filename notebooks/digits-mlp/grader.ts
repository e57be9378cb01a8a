import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, crossEntropyRows, fmt, matrixOf, maxAbsDifference, numberOf, numbersOf, stringsOf } from '../../src/notebook/judgeKit';
import { valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 60;
const TARGET_ACCURACY = 0.8;

type Batch = { x: Tensor; y: Tensor };
type Model = (x: Tensor, training?: boolean) => Tensor;

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} (dropout off) after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { scores: valuesOf(get<Model>('model')(get<Tensor>('testX'), false)), classes: get<number[]>('testClasses') };
    },
    judge(seen: { scores: unknown; classes: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(testX, false)')), numbersOf(seen.classes, 'testClasses'));
      return { passed: value >= TARGET_ACCURACY, detail: `test accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'loss-argument-order',
      title: 'Loss arguments in the wrong order',
      explanation:
        'trainingLoss called lossFn(labels, logits) while lossFn expects (logits, labels): it took the log-softmax of the one-hot labels and multiplied it by the logits, a loss linear in the logits that falls without bound (hence the negative values). Pass the logits first.',
      async observe({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        const classes = get<number[]>('trainClasses');
        const picked = classes.map((_, i) => i).filter((i) => i % 30 === 7);
        const idx = tf.tensor1d(picked, 'int32');
        const batch: Batch = { x: tf.gather(get<Tensor>('trainX'), idx), y: tf.gather(get<Tensor>('trainY'), idx) };
        // The model is replaced by fixed logits, so dropout and the weights play no part.
        const logits = tf.randomNormal([picked.length, 10], 0, 2, 'float32', 13);
        const loss = await withReplaced('model', () => logits, async () =>
          tf.tidy(() => (get<(b: Batch) => Tensor>('trainingLoss')(batch)).dataSync()[0]),
        );
        return { loss, logits: valuesOf(logits), labels: valuesOf(batch.y) };
      },
      judge(seen: { loss: unknown; logits: unknown; labels: unknown }) {
        const got = numberOf(seen.loss, 'trainingLoss(batch)');
        // The cross-entropy of the fixed logits against the batch's label rows, computed here.
        const expected = crossEntropyRows(matrixOf(seen.logits, 'logits'), matrixOf(seen.labels, 'batch.y'));
        return {
          passed: Math.abs(got - expected) <= 1e-3 * Math.max(1, expected),
          detail: `with the model's logits fixed, trainingLoss(batch) = ${fmt(got, 4)}; their cross-entropy against the batch labels is ${fmt(expected, 4)}`,
        };
      },
    },
    {
      id: 'dropout-at-eval',
      title: 'Dropout left on at evaluation',
      explanation:
        'model(x, training = true) defaults to training mode and evaluate() called model(testX), so dropout zeroed 30 % of the hidden units while scoring: the accuracy was noisy, pessimistic and differed between two calls on the same weights. Evaluate with training = false.',
      async observe({ call, get, withReplaced }) {
        await call('initParams', 0);
        const model = get<Model>('model');
        // For every call evaluate() makes: the logits it got, and the dropout-free logits of the same input.
        const calls: { used: unknown; dropoutFree: unknown }[] = [];
        await withReplaced('model', (x: Tensor, ...rest: unknown[]) => {
          const out = (model as (...a: unknown[]) => Tensor)(x, ...rest);
          calls.push({ used: valuesOf(out), dropoutFree: valuesOf(model(x, false)) });
          return out;
        }, () => call('evaluate'));
        return { calls };
      },
      judge(seen: { calls: unknown }) {
        if (!Array.isArray(seen.calls)) throw new Error('the calls evaluate() made to the model are not a list');
        const gaps = seen.calls.map((c: { used?: unknown; dropoutFree?: unknown }, i) =>
          maxAbsDifference(matrixOf(c?.used, `logits of model call ${i + 1}`), matrixOf(c?.dropoutFree, `dropout-free logits of model call ${i + 1}`)),
        );
        const worst = Math.max(...gaps);
        return {
          passed: gaps.length > 0 && worst <= 1e-5,
          detail: gaps.length
            ? `the logits evaluate() used differ from the dropout-free logits by up to ${fmt(worst, 4)}`
            : 'evaluate() never called model()',
        };
      },
    },
    {
      id: 'never-shuffled',
      title: 'Data never shuffled (sorted by label)',
      explanation:
        'The training file is sorted by digit and the batches were cut in file order, so each batch held one or two digits and Adam chased whichever digits it saw last (mostly 8s and 9s at the end of each epoch). Shuffle the examples every epoch.',
      async observe({ tf, call }) {
        const firstBatch = async (epoch: number) => {
          const batches = await call<Batch[]>('makeBatches', epoch);
          const keys = (batches[0].x.arraySync() as number[][]).map((r) => r.join(','));
          const labels = valuesOf(batches[0].y);
          tf.dispose(batches.flatMap((b) => [b.x, b.y]));
          return { keys, labels };
        };
        const epoch0 = await firstBatch(0);
        const epoch1 = await firstBatch(1);
        return { epoch0: epoch0.keys, epoch1: epoch1.keys, labelsOfEpoch0: epoch0.labels };
      },
      judge(seen: { epoch0: unknown; epoch1: unknown; labelsOfEpoch0: unknown }) {
        const a = stringsOf(seen.epoch0, 'first batch of epoch 0');
        const b = stringsOf(seen.epoch1, 'first batch of epoch 1');
        const mixed = new Set(argmaxRows(matrixOf(seen.labelsOfEpoch0, 'labels of the first batch'))).size;
        const differs = a.some((key, i) => key !== b[i]);
        return {
          passed: differs && mixed >= 4,
          detail: `the first batch of epoch 0 holds ${mixed} different digit${mixed === 1 ? '' : 's'}; epochs 0 and 1 ${differs ? 'start with different' : 'start with the same'} examples`,
        };
      },
    },
  ],
});
