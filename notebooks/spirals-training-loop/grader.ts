import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, fingerprintOf, fmt, matrixOf, mean, numbersOf, sameFingerprint } from '../../src/notebook/judgeKit';
import { fingerprint, valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 300;
const TARGET_ACCURACY = 0.9;

type Batch = { x: Tensor; y: Tensor };
type Model = (x: Tensor, training?: boolean) => Tensor;

export default defineNotebook({
  target: {
    description: `validation accuracy ≥ ${TARGET_ACCURACY} (dropout off) after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { scores: valuesOf(get<Model>('model')(get<Tensor>('valX'), false)), labels: valuesOf(get<Tensor>('valY')) };
    },
    judge(seen: { scores: unknown; labels: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(valX, false)')), argmaxRows(matrixOf(seen.labels, 'valY')));
      return { passed: value >= TARGET_ACCURACY, detail: `validation accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'lr-schedule',
      title: 'Learning-rate schedule decays to zero after the first epoch',
      explanation:
        'lrAt measured progress in epochs (step / steps per epoch) instead of as a fraction of the run (step / totalSteps), so the learning rate reached 0 after one epoch — 6 of 300 steps — and the model stopped learning almost at once. Decay over the whole run.',
      async observe({ call, withReplaced }) {
        await call('initParams', 0);
        const lrs: number[] = [];
        // A stand-in trainStep records the learning rates train() asks for, without training.
        await withReplaced('trainStep', (_batch: Batch, lr: unknown) => {
          lrs.push(Number(lr));
          return 0;
        }, () => call('train', TARGET_STEPS));
        return { lrs };
      },
      judge(seen: { lrs: unknown }) {
        const lrs = numbersOf(seen.lrs, 'the learning rates train() passed to trainStep');
        if (lrs.length === 0) return { passed: false, detail: 'train() never called trainStep(batch, lr)' };
        const first = lrs[0];
        const meanLate = mean(lrs.slice(Math.floor(lrs.length / 2)));
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
      async observe({ tf, call, get, withReplaced }) {
        await call('initParams', 0);
        const model = get<Model>('model');
        const seen: unknown[] = [];
        await withReplaced('model', (x: Tensor, ...rest: unknown[]) => {
          seen.push(fingerprint(tf, x));
          return (model as (...a: unknown[]) => Tensor)(x, ...rest);
        }, () => call('evaluate'));
        return { seen, valX: fingerprint(tf, get<Tensor>('valX')), trainX: fingerprint(tf, get<Tensor>('trainX')) };
      },
      judge(observed: { seen: unknown; valX: unknown; trainX: unknown }) {
        const valX = fingerprintOf(observed.valX, 'valX');
        const trainX = fingerprintOf(observed.trainX, 'trainX');
        if (!Array.isArray(observed.seen)) throw new Error('the inputs evaluate() gave the model are not a list');
        const seen = observed.seen.map((x, i) => {
          const print = fingerprintOf(x, `model input ${i + 1}`);
          return sameFingerprint(print, valX) ? 'validation' : sameFingerprint(print, trainX) ? 'training' : `other ${JSON.stringify(print.shape)}`;
        });
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
      async observe({ call, get, withReplaced }) {
        await call('initParams', 0);
        await call('train', 6);
        const model = get<Model>('model');
        // For every call evaluate() makes: the logits it got, and the dropout-free logits of the same input.
        const calls: { used: unknown; dropoutFree: unknown }[] = [];
        await withReplaced('model', (x: Tensor, ...rest: unknown[]) => {
          const out = (model as (...a: unknown[]) => Tensor)(x, ...rest);
          // The grading scope disposes the dropout-free logits once the check ends.
          calls.push({ used: valuesOf(out), dropoutFree: valuesOf(model(x, false)) });
          return out;
        }, () => call('evaluate'));
        return { calls };
      },
      judge(seen: { calls: unknown }) {
        if (!Array.isArray(seen.calls)) throw new Error('the logits evaluate() used are not a list');
        const gaps = seen.calls.map((c: { used?: unknown; dropoutFree?: unknown } | null, i) => {
          const used = matrixOf(c?.used, `logits of model call ${i + 1}`);
          const dropoutFree = matrixOf(c?.dropoutFree, `dropout-free logits of model call ${i + 1}`);
          if (used.length !== dropoutFree.length || used[0]?.length !== dropoutFree[0]?.length) {
            throw new Error(`model call ${i + 1} gave logits of a different shape than the dropout-free ones`);
          }
          // Math.max keeps a NaN gap NaN (as tf's max did), so diverged logits fail the threshold below.
          return used.reduce((worst, row, r) => row.reduce((w, v, k) => Math.max(w, Math.abs(v - dropoutFree[r][k])), worst), 0);
        });
        const worst = Math.max(...gaps);
        return {
          passed: gaps.length > 0 && worst <= 1e-5,
          detail: gaps.length ? `the logits evaluate() used differ from the dropout-free logits by up to ${fmt(worst, 4)}` : 'evaluate() never called model()',
        };
      },
    },
  ],
});
