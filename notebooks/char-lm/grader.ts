import type { Tensor } from '@tensorflow/tfjs-core';
import { defineNotebook } from '../../src/notebook/defineNotebook';
import { crossEntropy, fmt, matrixOf, numberOf, numbersOf } from '../../src/notebook/judgeKit';
import { valuesOf } from '../../src/notebook/probeKit';

const TARGET_STEPS = 150;
const TARGET_LOSS = 2.75;

type Batch = { inputs: Tensor; targets: Tensor; mask: Tensor };
type Model = (inputs: Tensor, training: boolean) => Tensor;
type LossFn = (logits: Tensor, targets: Tensor, mask: Tensor) => Tensor;

export default defineNotebook({
  target: {
    description: `validation next-character loss ≤ ${TARGET_LOSS} (padding excluded) after initParams(0) and train(${TARGET_STEPS})`,
    async observe({ tf, call, get }) {
      await call('initParams', 0);
      await call('train', TARGET_STEPS);
      // The grader builds its own (input, next character) pairs: the notebook's batching is under test.
      const encode = get<(text: string) => number[]>('encode');
      const pairs = get<string[]>('valLines').flatMap((line) => {
        const ids = encode(line);
        return ids.slice(0, -1).map((id, t) => [id, ids[t + 1]]);
      });
      const vocab = get<number>('VOCAB');
      // The grading scope disposes every tensor made here once the check ends.
      const logits = get<Model>('model')(tf.tensor2d([pairs.map((p) => p[0])], undefined, 'int32'), false).reshape([-1, vocab]);
      return { logits: valuesOf(logits), targets: pairs.map((p) => p[1]), vocab };
    },
    judge(seen: { logits: unknown; targets: unknown; vocab: unknown }) {
      const logits = matrixOf(seen.logits, 'model(validation characters)');
      const vocab = numberOf(seen.vocab, 'VOCAB');
      if (logits.some((row) => row.length !== vocab)) throw new Error(`model(validation characters) does not have ${vocab} scores per position`);
      const loss = crossEntropy(logits, numbersOf(seen.targets, 'next characters'));
      return { passed: loss <= TARGET_LOSS, detail: `validation next-character loss ${fmt(loss)} nats after ${TARGET_STEPS} steps (needs ≤ ${TARGET_LOSS})` };
    },
  },
  probes: [
    {
      id: 'targets-not-shifted',
      title: 'Targets not shifted for next-token prediction',
      explanation:
        'targets were the inputs themselves, so the model learned to copy the current character — a near-zero training loss that predicts nothing. The target at position t is the token at t + 1.',
      async observe({ call }) {
        const batch = await call<Batch>('makeBatch', ['shall i compare', 'so long as men']);
        return { inputs: valuesOf(batch.inputs), targets: valuesOf(batch.targets) };
      },
      judge(seen: { inputs: unknown; targets: unknown }) {
        const inputs = matrixOf(seen.inputs, 'makeBatch(…).inputs');
        const targets = matrixOf(seen.targets, 'makeBatch(…).targets');
        const pad = 0;
        let pairs = 0;
        let shifted = 0;
        inputs.forEach((row, i) =>
          row.forEach((_, t) => {
            if (t + 1 < row.length && targets[i][t] !== pad && row[t + 1] !== pad) {
              pairs++;
              if (targets[i][t] === row[t + 1]) shifted++;
            }
          }),
        );
        return {
          passed: pairs >= 10 && shifted === pairs,
          detail: `${shifted} of ${pairs} targets are the next input token`,
        };
      },
    },
    {
      id: 'padding-in-loss',
      title: 'Padding tokens counted in the loss',
      explanation:
        'The loss averaged over every position, padding included: most positions are padding, so the model spends its effort predicting padding and real tokens get a fraction of the gradient. Weight the per-token loss by the mask and divide by the number of real tokens.',
      async observe({ tf, call, get }) {
        const batch = await call<Batch>('makeBatch', get<string[]>('valLines'));
        const vocab = get<number>('VOCAB');
        const lossFn = get<LossFn>('lossFn');
        const flatTargets = Array.from(batch.targets.dataSync());
        const padRows = flatTargets.map((id) => (id === 0 ? 1 : 0));
        // Without padding there is nothing to perturb; the judge reads that from the targets.
        if (!padRows.some(Boolean)) return { targets: flatTargets };
        const logits = tf.randomNormal([flatTargets.length, vocab], 0, 1, 'float32', 5);
        const noise = tf.randomNormal([flatTargets.length, vocab], 0, 3, 'float32', 6);
        const rowsWhere = (flags: number[]) => tf.tensor2d(flags, [flags.length, 1]);
        const loss = (l: Tensor) => tf.tidy(() => lossFn(l, batch.targets, batch.mask).dataSync()[0]);
        return {
          targets: flatTargets,
          base: loss(logits),
          atPadding: loss(tf.tidy(() => logits.add(noise.mul(rowsWhere(padRows))))),
          atReal: loss(tf.tidy(() => logits.add(noise.mul(rowsWhere(padRows.map((p) => 1 - p)))))),
        };
      },
      judge(seen: { targets: unknown; base?: unknown; atPadding?: unknown; atReal?: unknown }) {
        if (!numbersOf(seen.targets, 'makeBatch(valLines).targets').some((id) => id === 0)) return { passed: true, detail: 'the batch has no padding positions' };
        const base = numberOf(seen.base, 'lossFn(logits)');
        const atPadding = numberOf(seen.atPadding, 'lossFn with other logits at padding');
        const atReal = numberOf(seen.atReal, 'lossFn with other logits at real positions');
        const ignoresPadding = Math.abs(atPadding - base) <= 1e-5 * Math.max(1, base);
        return {
          passed: ignoresPadding && Math.abs(atReal - base) > 1e-4,
          detail: `changing the logits at padding positions moved the loss from ${fmt(base, 4)} to ${fmt(atPadding, 4)}; at real positions, to ${fmt(atReal, 4)}`,
        };
      },
    },
    {
      id: 'dropout-at-eval',
      title: 'Dropout left on at evaluation',
      explanation:
        'evaluate() called model(…, true), so dropout kept zeroing embeddings: the validation loss was noisy and pessimistic, and differed between two calls on the same weights. Evaluate with training = false.',
      async observe({ call }) {
        await call('initParams', 0);
        return { first: await call<number>('evaluate'), second: await call<number>('evaluate') };
      },
      judge(seen: { first: unknown; second: unknown }) {
        const first = numberOf(seen.first, 'the first evaluate()');
        const second = numberOf(seen.second, 'the second evaluate()');
        return {
          passed: first === second,
          detail: `two evaluate() calls on the same weights gave ${fmt(first, 5)} and ${fmt(second, 5)}`,
        };
      },
    },
  ],
});
