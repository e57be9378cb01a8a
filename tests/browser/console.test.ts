/**
 * The console under each case: what the user's code logs shows under the case that logged it,
 * tensors as a preview, and a log in a loop of a million keeps the page responsive and says how
 * many lines were not kept.
 */
import { expect, it } from 'vitest';
import { Harness, readProblemFile } from './harness';

const PROBLEM = 'attention/scaled-dot-product';

it('shows each case its own console lines, bounded, with the page responsive', async () => {
  const harness = await Harness.start();
  try {
    const app = await harness.newPage();
    await app.openProblem(PROBLEM, 'wasm');
    const reference = readProblemFile(PROBLEM, 'reference.ts');
    const withLogs = reference.replace(
      /(export function scaledDotProductAttention\([^)]*\)[^{]*\{)/,
      "$1\n  console.log('q', q);\n  for (let i = 0; i < 1_000_000; i++) console.log('step', i);",
    );
    expect(withLogs).not.toBe(reference);
    await app.setCode(withLogs);
    const verdict = await app.run();
    expect(verdict.status, verdict.text).toBe('accepted');
    const consoles = app.page.getByTestId('console');
    expect(await consoles.count()).toBe(verdict.cases.length);
    const first = await consoles.first().innerText();
    expect(first).toMatch(/q Tensor float32 \[\d+(, \d+)*\] \[/);
    expect(first).toMatch(/step 0\n/);
    expect(await app.page.getByTestId('console-dropped').first().innerText()).toMatch(/more lines not kept/);
    // The page answers at once after a million logs.
    const started = Date.now();
    await app.page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(5_000);
    await app.page.getByTestId('console').first().scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: '/tmp/tensordojo-console.png' });
    app.assertHealthy();
  } finally {
    await harness.close();
  }
}, 300_000);
