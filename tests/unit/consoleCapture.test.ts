/**
 * What the user's code logs is captured per case and comes back with the verdict: tensors as a
 * preview (dtype, shape, first values), everything bounded per run so a log in a loop of a million
 * neither floods the verdict nor loses the count; capturing changes neither results nor the line
 * numbers of errors.
 */
import { describe, expect, it } from 'vitest';
import { Runner } from '../../workers/Runner';
import { MAX_CONSOLE_BYTES, MAX_CONSOLE_LINES } from '../../src/judge/consoleCapture';
import { loadSource } from '../../src/judge/registry';
import { tf } from './tfSetup';

const PROBLEM = 'attention/scaled-dot-product';
let runId = 1;

async function judge(source: string, mode: 'run' | 'submit' = 'run') {
  const runner = new Runner(tf);
  await runner.init('cpu');
  return runner.judge({ runId: runId++, problemId: PROBLEM, source, mode });
}

/** The reference with a line inserted at the top of its function body. */
async function referenceWith(line: string): Promise<string> {
  const reference = await loadSource(PROBLEM, 'reference');
  return reference.replace(/(export function scaledDotProductAttention\([^)]*\)[^{]*\{)/, `$1\n${line}`);
}

describe('console capture', () => {
  it('keeps each case its own lines, previews tensors, and still accepts a correct answer', async () => {
    const verdict = await judge(await referenceWith("console.log('q is', q); console.warn('d =', q.shape[q.shape.length - 1]);"));
    expect(verdict.status).toBe('accepted');
    for (const result of verdict.cases) {
      expect(result.console).toHaveLength(2);
      expect(result.console![0]).toMatchObject({ stream: 'log' });
      expect(result.console![0].text).toMatch(/^q is Tensor float32 \[\d+(, \d+)*\] \[-?\d/);
      expect(result.console![1]).toEqual({ stream: 'warn', text: expect.stringMatching(/^d = \d+$/) });
    }
    // Each case's own lines: the shape printed is that case's q.
    for (const result of verdict.cases) {
      const shape = /^q \[([\d,]+)\]/.exec(result.inputSummary)![1].split(',').join(', ');
      expect(result.console![0].text).toContain(`Tensor float32 [${shape}]`);
    }
  });

  it('a million lines: the first ones kept within the limits, the rest counted', async () => {
    const verdict = await judge(await referenceWith('for (let i = 0; i < 1_000_000; i++) console.log("step", i);'), 'submit');
    expect(verdict.status).toBe('accepted');
    const kept = verdict.cases.flatMap((c) => c.console ?? []);
    expect(kept.length).toBeLessThanOrEqual(MAX_CONSOLE_LINES);
    expect(kept.reduce((sum, line) => sum + line.text.length, 0)).toBeLessThanOrEqual(MAX_CONSOLE_BYTES + 2_000);
    expect(kept[0].text).toBe('step 0');
    const dropped = verdict.cases.reduce((sum, c) => sum + (c.consoleDropped ?? 0), 0);
    expect(kept.length + dropped).toBe(1_000_000 * verdict.cases.length);
  });

  it('an error after a log keeps its own line number and the log', async () => {
    const source = "import * as tf from '@tensorflow/tfjs';\nexport function scaledDotProductAttention(q, k, v) {\n  console.log('before');\n  throw new Error('boom');\n}\n";
    const verdict = await judge(source);
    expect(verdict.status).toBe('runtime-error');
    expect(verdict.error?.location?.line).toBe(4);
    expect(verdict.cases[0].console).toEqual([{ stream: 'log', text: 'before' }]);
  });

  it('logs of values that cannot be printed do not break the run', async () => {
    const verdict = await judge(
      await referenceWith('const loop: any = {}; loop.self = loop; console.log(loop, { get bad() { throw new Error("x"); } }, [q, 1n], undefined);'),
    );
    expect(verdict.status).toBe('accepted');
    expect(verdict.cases[0].console).toHaveLength(1);
  });
});
