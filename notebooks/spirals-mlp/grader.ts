import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { accuracy, argmaxRows, closeTo, cosineOfParts, crossEntropy, fmt, listsOf, matrixOf, normOfParts, numberOf, numbersOf, partsDifference } from '../../src/notebook/judgeKit';
import { gradients, paramsOf, snapshot, valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 400;
const TARGET_ACCURACY = 0.9;
/** Largest SGD step size (update norm / gradient norm) this model trains stably with. */
const MAX_STABLE_LR = 2;

type Batch = { x: Tensor; y: Tensor };

/** Flat per-parameter arrays as plain lists, for an observation. */
function plain(parts: Float32Array[]): number[][] {
  return parts.map((part) => Array.from(part));
}

/** One SGD step as observed: the fresh gradient and the parameters before and after trainStep. */
type StepSeen = { gradient: unknown; before: unknown; after: unknown };

/** How far a step moved the weights (the update) and along what gradient. */
function stepOf(seen: StepSeen, what: string): { update: number[][]; gradient: number[][] } {
  if (!seen || typeof seen !== 'object') throw new Error(`${what} was not observed`);
  const gradient = listsOf(seen.gradient, `${what}: gradient`);
  const update = partsDifference(listsOf(seen.after, `${what}: parameters after`), listsOf(seen.before, `${what}: parameters before`));
  if (gradient.length !== update.length || gradient.some((g, i) => g.length !== update[i].length)) throw new Error(`${what}: the gradient and the parameters differ in shape`);
  return { update, gradient };
}

export default defineNotebook({
  target: {
    description: `test accuracy ≥ ${TARGET_ACCURACY} after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grading scope disposes every tensor made here once the check ends.
      return { scores: valuesOf(get<(x: Tensor) => Tensor>('model')(get<Tensor>('testX'))), labels: valuesOf(get<Tensor>('testY')) };
    },
    judge(seen: { scores: unknown; labels: unknown }) {
      const value = accuracy(argmaxRows(matrixOf(seen.scores, 'model(testX)')), argmaxRows(matrixOf(seen.labels, 'testY')));
      return { passed: value >= TARGET_ACCURACY, detail: `test accuracy ${fmt(value)} after ${TARGET_STEPS} steps (needs ≥ ${TARGET_ACCURACY})` };
    },
  },
  probes: [
    {
      id: 'softmax-batch-axis',
      title: 'Softmax over the batch axis',
      explanation:
        'Softmax over the transposed logits normalises each class column across the examples of the batch, so an example’s probabilities depend on the other examples and do not sum to 1. Softmax must run over the class axis (the last one).',
      observe({ tf, get }) {
        const lossFn = get<(logits: Tensor, labels: Tensor) => Tensor>('lossFn');
        const classes = [0, 1, 2, 0, 1, 2, 2, 1];
        const logits = tf.randomNormal([8, 3], 0, 2, 'float32', 7);
        const labels = tf.oneHot(tf.tensor1d(classes, 'int32'), 3).toFloat();
        return { loss: lossFn(logits, labels).dataSync()[0], logits: valuesOf(logits), classes };
      },
      judge(seen: { loss: unknown; logits: unknown; classes: unknown }) {
        const got = numberOf(seen.loss, 'lossFn(logits, labels)');
        // The grader's own cross-entropy, computed here from the logits it chose.
        const expected = crossEntropy(matrixOf(seen.logits, 'logits'), numbersOf(seen.classes, 'classes'));
        return { passed: closeTo(got, expected, 1e-3), detail: `lossFn on random logits gave ${fmt(got, 4)}; softmax cross-entropy over classes is ${fmt(expected, 4)}` };
      },
    },
    {
      id: 'lr-too-high',
      title: 'Learning rate 10× too high',
      explanation:
        'Each SGD step moved the weights by LR × gradient with LR = 8: the loss jumps around and ReLUs die. This model is stable with LR around 0.5–1.',
      async observe({ tf, call, get }) {
        await call('initParams', 0);
        const params = paramsOf({ tf, get });
        const [batch] = await call<Batch[]>('makeBatches', 0);
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const model = get<(x: Tensor) => Tensor>('model');
        const gradient = gradients(tf, params, () => lossFn(model(batch.x), batch.y));
        const before = snapshot(params);
        await call('trainStep', batch);
        return { gradient: plain(gradient), before: plain(before), after: plain(snapshot(params)) };
      },
      judge(seen: StepSeen) {
        const { update, gradient } = stepOf(seen, 'the first step');
        const step = normOfParts(update) / (normOfParts(gradient) || 1);
        return { passed: Number.isFinite(step) && step > 0 && step <= MAX_STABLE_LR, detail: `the first step moved the weights by ${fmt(step, 2)} × the gradient (stable up to ${MAX_STABLE_LR})` };
      },
    },
    {
      id: 'grads-never-reset',
      title: 'Gradients accumulated across steps and never reset',
      explanation:
        'The gradient buffers were zeroed once and then summed over every step, so step k applied the sum of all k gradients — momentum without decay. Zero the buffers before every step (or use the fresh gradient).',
      async observe({ tf, call, get }) {
        await call('initParams', 0);
        const params = paramsOf({ tf, get });
        const batches = await call<Batch[]>('makeBatches', 0);
        const lossFn = get<(l: Tensor, y: Tensor) => Tensor>('lossFn');
        const model = get<(x: Tensor) => Tensor>('model');
        const steps: StepSeen[] = [];
        for (let k = 0; k < 5; k++) {
          const batch = batches[0];
          const gradient = gradients(tf, params, () => lossFn(model(batch.x), batch.y));
          const before = snapshot(params);
          await call('trainStep', batch);
          steps.push({ gradient: plain(gradient), before: plain(before), after: plain(snapshot(params)) });
        }
        return { steps };
      },
      judge(seen: { steps: unknown }) {
        if (!Array.isArray(seen.steps) || seen.steps.length !== 5) throw new Error('the five observed steps are missing');
        const steps = (seen.steps as StepSeen[]).map((step, k) => stepOf(step, `step ${k + 1}`));
        const ratios = steps.map(({ update, gradient }) => normOfParts(update) / (normOfParts(gradient) || 1));
        const last = steps[steps.length - 1];
        const lastCosine = -cosineOfParts(last.update, last.gradient);
        const growth = ratios[ratios.length - 1] / (ratios[0] || 1);
        const passed = Number.isFinite(growth) && growth < 1.5 && growth > 0.67 && lastCosine > 0.95;
        return { passed, detail: `step 5 moved the weights ${fmt(growth, 2)}× as far per unit gradient as step 1, along the current gradient with cosine ${fmt(lastCosine, 2)}` };
      },
    },
  ],
});
