import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { fmt } from '../../src/notebook/probeKit';

const TARGET_STEPS = 300;
const TARGET_ACCURACY = 0.9;

type Batch = { x: Tensor; y: Tensor };
type Model = (x: Tensor, training?: boolean) => Tensor;

export default defineNotebook({
  target: {
    description: `validation accuracy ≥ ${TARGET_ACCURACY} (dropout off) after initParams(0) and train(${TARGET_STEPS})`,
    async check({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      const accuracy = tf.tidy(() => get<Model>('model')(get<Tensor>('valX'), false).argMax(1).equal(get<Tensor>('valY').argMax(1)).mean().dataSync()[0]);
      return { passed: accuracy >= TARGET_ACCURACY, detail: `validation accuracy ${fmt(accuracy)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'lr-schedule',
      title: 'Learning-rate schedule decays to zero after the first epoch',
      explanation:
        'lrAt measured progress in epochs (step / steps per epoch) instead of as a fraction of the run (step / totalSteps), so the learning rate reached 0 after one epoch — 6 of 300 steps — and the model stopped learning almost at once. Decay over the whole run.',
      async check({ tf, call, withReplaced }) {
        await call('initParams', 0);
        const lrs: number[] = [];
        // A stand-in trainStep records the learning rates train() asks for, without training.
        await withReplaced('trainStep', (_batch: Batch, lr: unknown) => {
          lrs.push(Number(lr));
          return 0;
        }, () => call('train', TARGET_STEPS));
        void tf;
        if (lrs.length === 0) return { passed: false, detail: 'train() never called trainStep(batch, lr)' };
        const first = lrs[0];
        const secondHalf = lrs.slice(Math.floor(lrs.length / 2));
        const meanLate = secondHalf.reduce((a, b) => a + b, 0) / secondHalf.length;
        const atThreeQuarters = lrs[Math.floor(lrs.length * 0.75)];
        return {
          passed: first > 0 && Number.isFinite(meanLate) && meanLate >= 0.05 * first && atThreeQuarters > 0,
          detail: `learning rate ${fmt(first, 4)} at the first step, ${fmt(atThreeQuarters, 4)} at 75 % of the run, ${fmt(meanLate, 4)} on average over the second half`,
        };
      },
    },
    {
      id: 'eval-on-train',
      title: 'Evaluation on the training split',
      explanation:
        'evaluate() scored the model on the points it was trained on, so it reported memorisation, not generalisation, and the held-out split was never used. Score on valX against valY.',
      async check({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        const model = get<Model>('model');
        const valX = get<Tensor>('valX');
        const trainX = get<Tensor>('trainX');
        const same = (a: Tensor, b: Tensor) => a.shape.join() === b.shape.join() && tf.tidy(() => a.sub(b).abs().max().dataSync()[0]) === 0;
        const seen: string[] = [];
        await withReplaced('model', (x: Tensor, ...rest: unknown[]) => {
          seen.push(same(x, valX) ? 'validation' : same(x, trainX) ? 'training' : `other ${JSON.stringify(x.shape)}`);
          return (model as (...a: unknown[]) => Tensor)(x, ...rest);
        }, () => call('evaluate'));
        return {
          passed: seen.includes('validation') && !seen.includes('training'),
          detail: seen.length ? `evaluate() ran the model on: ${[...new Set(seen)].join(', ')}` : 'evaluate() never called model()',
        };
      },
    },
    {
      id: 'dropout-at-eval',
      title: 'Dropout left on at evaluation',
      explanation:
        'train() switched the model to training mode and evaluate() never switched it back (PyTorch’s forgotten model.eval()), so dropout kept zeroing hidden units while scoring: the accuracy was noisy, pessimistic and changed between two calls on the same weights. Evaluate in eval mode (training = false), and return to training mode before training again.',
      async check({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        await call('train', 6);
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
          detail: gaps.length ? `the logits evaluate() used differ from the dropout-free logits by up to ${fmt(worst, 4)}` : 'evaluate() never called model()',
        };
      },
    },
  ],
});
