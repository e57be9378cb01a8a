import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt, referenceCrossEntropy } from '../../src/notebook/probeKit';

const TARGET_STEPS = 60;
const TARGET_ACCURACY = 0.8;

type Batch = { x: Tensor; y: Tensor };
type Model = (x: Tensor, training?: boolean) => Tensor;

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} (dropout off) after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const classes = get<number[]>('testClasses');
      const predicted = tf.tidy(() => get<Model>('model')(get<Tensor>('testX'), false).argMax(1).dataSync());
      const accuracy = predicted.filter((c, i) => c === classes[i]).length / classes.length;
      return { passed: accuracy >= TARGET_ACCURACY, detail: `test accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'loss-argument-order',
      title: 'Loss arguments in the wrong order',
      explanation:
        'trainingLoss called lossFn(labels, logits) while lossFn expects (logits, labels): it took the log-softmax of the one-hot labels and multiplied it by the logits, a loss linear in the logits that falls without bound (hence the negative values). Pass the logits first.',
      async check({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        const classes = get<number[]>('trainClasses');
        const picked = classes.map((_, i) => i).filter((i) => i % 30 === 7);
        const idx = tf.tensor1d(picked, 'int32');
        const batch: Batch = { x: tf.gather(get<Tensor>('trainX'), idx), y: tf.gather(get<Tensor>('trainY'), idx) };
        // The model is replaced by fixed logits, so dropout and the weights play no part.
        const logits = tf.randomNormal([picked.length, 10], 0, 2, 'float32', 13);
        const got = await withReplaced('model', () => logits, async () =>
          tf.tidy(() => (get<(b: Batch) => Tensor>('trainingLoss')(batch)).dataSync()[0]),
        );
        const expected = referenceCrossEntropy(tf, logits, batch.y);
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
      async check({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        const model = get<Model>('model');
        const gaps: number[] = [];
        await withReplaced('model', (x: Tensor, ...rest: unknown[]) => {
          const out = (model as (...a: unknown[]) => Tensor)(x, ...rest);
          gaps.push(tf.tidy(() => out.sub(model(x, false)).abs().max().dataSync()[0]));
          return out;
        }, () => call('evaluate'));
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
      async check({ tf, call }) {
        const firstBatch = async (epoch: number) => {
          const batches = await call<Batch[]>('makeBatches', epoch);
          const x = batches[0].x.arraySync() as number[][];
          const classes = Array.from(tf.tidy(() => batches[0].y.argMax(1).dataSync()));
          tf.dispose(batches.flatMap((b) => [b.x, b.y]));
          return { keys: x.map((r) => r.join(',')), classes };
        };
        const a = await firstBatch(0);
        const b = await firstBatch(1);
        const mixed = new Set(a.classes).size;
        const differs = a.keys.some((key, i) => key !== b.keys[i]);
        return {
          passed: differs && mixed >= 4,
          detail: `the first batch of epoch 0 holds ${mixed} different digit${mixed === 1 ? '' : 's'}; epochs 0 and 1 ${differs ? 'start with different' : 'start with the same'} examples`,
        };
      },
    },
  ],
});
