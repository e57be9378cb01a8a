/**
 * Warm-up before the first request: the runner works out a problem's expected answers in idle
 * time, and a request made meanwhile waits its turn instead of interleaving with it (tf's scopes
 * are one stack shared by every async flow in the worker).
 */
import { describe, expect, it } from 'vitest';
import { Runner } from '../../workers/Runner';
import { loadSource } from '../../src/judge/registry';
import { tf, useBackend } from './tfSetup';

const PROBLEM = 'attention/scaled-dot-product';

describe('Runner.prepare', () => {
  it('prepares the expected answers, and a Submit made meanwhile is judged correctly with nothing leaked', async () => {
    await useBackend('cpu');
    const runner = new Runner(tf);
    await runner.init('cpu');
    const tensorsBefore = tf.memory().numTensors;
    const reference = await loadSource(PROBLEM, 'reference');
    const wrong = reference.replace('Math.sqrt(d)', 'd');
    expect(wrong).not.toBe(reference);
    // Not awaited: the Submits below arrive while the warm-up is under way.
    const prepared = runner.prepare(PROBLEM);
    const [accepted, rejected] = await Promise.all([
      runner.judge({ runId: 1, problemId: PROBLEM, source: reference, mode: 'submit' }),
      runner.judge({ runId: 2, problemId: PROBLEM, source: wrong, mode: 'submit' }),
    ]);
    await prepared;
    expect(accepted.status).toBe('accepted');
    expect(rejected.status).toBe('wrong-answer');
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    // Prepared answers are the ones judging uses: the same verdict again.
    expect((await runner.judge({ runId: 3, problemId: PROBLEM, source: reference, mode: 'submit' })).status).toBe('accepted');
  });

  it('never fails, even for a problem that does not exist', async () => {
    const runner = new Runner(tf);
    await runner.init('cpu');
    await expect(runner.prepare('attention/no-such-problem')).resolves.toBeUndefined();
  });
});
